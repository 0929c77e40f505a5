using System.Net;
using System.Text.Json;
using Ducha.Assessment.Data;
using DeductionKind = Ducha.Assessment.Domain.Schemes.DeductionKind;
using Schemes = Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.Assessment.V1;
using Ducha.Testing;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Ducha.Services.Tests.Assessment.SheetSteps;
using static Ducha.Services.Tests.Assessment.SheetTestData;
using Rating = Ducha.Contracts.Assessment.V1.Rating;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Freezing a year's results, in Henan's cities: once only and by the assessing level alone; the frozen sheets are what
/// is read afterwards, whatever happens next; verification finds a stored sheet changed and names its party; and
/// Disclosure publishes the results, with their 一票否优 marks and chain head, on a public page.
/// </summary>
[Collection(SheetsCollection.Name)]
public sealed class FrozenResultsTests(SheetsFixture host)
{
    private readonly SheetSteps _steps = new(host);

    [Fact]
    public async Task Results_are_frozen_once_by_the_assessing_level_and_read_frozen_afterwards()
    {
        _steps.SchemeWithGoodYear("410500");
        host.Sources.Add(Fact(DeductionKind.Lateness, "anyang-case-1", "410503"));
        var veto = await _steps.VetoAsync("410500", "410502");
        var freeze = new FreezeResultsRequest { JurisdictionCode = "410500", Year = 2024 };

        var byCounty = await RefusedAsync(() => _steps.As("410502").FreezeResultsAsync(freeze).ResponseAsync);
        var byProvince = await RefusedAsync(() => _steps.As("410000").FreezeResultsAsync(freeze).ResponseAsync);
        var frozen = await _steps.As("410500", "assessor").FreezeResultsAsync(freeze);
        var again = await RefusedAsync(() => _steps.As("410500").FreezeResultsAsync(freeze).ResponseAsync);
        host.Sources.Add(Fact(DeductionKind.Lateness, "anyang-case-late-news", "410503"));
        var sheet = await _steps.As("410503").GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = "410503", Year = 2024 });
        var withdraw = await RefusedAsync(() => _steps.As("410500").WithdrawVetoAsync(new WithdrawVetoRequest { Id = veto.Id, Reason = "复核" }).ResponseAsync);
        var newVeto = await RefusedAsync(() => _steps.VetoAsync("410500", "410505"));
        var ranking = await _steps.As("410000").ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = "410500", Year = 2024 });

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.FailedPrecondition), (byCounty, byProvince, again));
        Assert.Equal((true, 10), (frozen.Frozen, frozen.Parties.Count));
        Assert.Equal((true, 2.0, 98.0), (sheet.Frozen, sheet.DeductionPoints, sheet.Total));
        Assert.Equal(["anyang-case-1"], sheet.Deductions[0].Deductions.Select(d => d.CaseId));
        Assert.Equal(64, sheet.Hash.Length);
        Assert.NotEqual(sheet.Hash, sheet.PreviousHash);
        Assert.Equal(sheet.ComputedAt, frozen.FrozenAt);
        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (withdraw, newVeto));
        Assert.Equal(frozen.ChainHead, ranking.ChainHead);
        Assert.Equal(frozen.Parties.Select(p => (p.JurisdictionCode, p.Rank, p.Total, p.Rating)), ranking.Parties.Select(p => (p.JurisdictionCode, p.Rank, p.Total, p.Rating)));
        Assert.Equal((Rating.Good, true), (ranking.Parties.Single(p => p.JurisdictionCode == "410502").Rating, ranking.Parties.Single(p => p.JurisdictionCode == "410502").Vetoed));
    }

    [Fact]
    public async Task Verification_holds_for_untouched_results_and_names_the_party_whose_stored_sheet_was_changed()
    {
        _steps.SchemeWithGoodYear("411100");
        await _steps.VetoAsync("411100", "411102");
        var verify = new VerifyResultsRequest { JurisdictionCode = "411100", Year = 2024 };
        var notYet = await RefusedAsync(() => _steps.As("411100").VerifyResultsAsync(verify).ResponseAsync);
        await _steps.As("411100").FreezeResultsAsync(new FreezeResultsRequest { JurisdictionCode = "411100", Year = 2024 });

        var intact = await _steps.As("410000", "discipline").VerifyResultsAsync(verify);
        // Someone with the database file makes the vetoed district 优秀 after the fact.
        var changed = await host.ExecuteSqlAsync<AssessmentDbContext>(
            $"UPDATE frozen_sheets SET ContentJson = REPLACE(ContentJson, '\"rating\":\"Good\"', '\"rating\":\"Excellent\"') WHERE JurisdictionCode = '411102'");
        var tampered = await _steps.As("411100").VerifyResultsAsync(verify);

        Assert.Equal(StatusCode.FailedPrecondition, notYet);
        Assert.Equal((true, "", 6), (intact.Valid, intact.FirstBroken, intact.Sheets));
        Assert.Equal(1, changed);
        Assert.Equal((false, "411102"), (tampered.Valid, tampered.FirstBroken));
    }

    [Fact]
    public async Task Disclosure_publishes_the_frozen_results_with_their_veto_marks_and_chain_head()
    {
        _steps.SchemeWithGoodYear("411000");
        host.Sources.Add(Fact(DeductionKind.BuckPassing, "xuchang-case-1", "411002", returner: "411002"));
        await _steps.VetoAsync("411000", "411003", ground: VetoGround.MajorAccident);
        var frozen = await _steps.As("411000").FreezeResultsAsync(new FreezeResultsRequest { JurisdictionCode = "411000", Year = 2024 });

        var page = await Eventually.UntilAsync(() => host.Http.GetAsync("/public/assessment-results/411000/2024"), r => r.StatusCode == HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(await host.Http.GetStringAsync("/public/assessment-results/411000/2024.json")).RootElement;
        var index = await host.Http.GetStringAsync("/public/411000");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("许昌市2024年度生态环境保护考核结果", html);
        Assert.Contains("<td data-label=\"被考核单位\">许昌市建安区</td><td data-label=\"专项考核得分\">100</td><td data-label=\"扣分\">0</td>"
            + "<td data-label=\"总分\">100</td><td data-label=\"等次\">良好</td><td data-label=\"一票否优\">一票否优</td>", html);
        Assert.Contains("<td data-label=\"被考核单位\">许昌市魏都区</td><td data-label=\"专项考核得分\">100</td><td data-label=\"扣分\">3</td>", html);
        Assert.Contains(frozen.ChainHead, html);
        var results = json.GetProperty("results")[0];
        Assert.Equal((frozen.ChainHead, 7), (results.GetProperty("chainHead").GetString(), results.GetProperty("parties").GetArrayLength()));
        var jianan = results.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("jurisdictionCode").GetString() == "411003");
        Assert.Equal(("良好", true), (jianan.GetProperty("rating").GetString(), jianan.GetProperty("vetoed").GetBoolean()));
        Assert.Contains("href=\"/public/assessment-results/411000/2024\"", index);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/public/assessment-results/411000/2023")).StatusCode);
    }
}
