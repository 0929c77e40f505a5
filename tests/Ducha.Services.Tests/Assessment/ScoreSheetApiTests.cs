using System.Net;
using DeductionKind = Ducha.Assessment.Domain.Schemes.DeductionKind;
using Schemes = Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using static Ducha.Services.Tests.Assessment.SheetSteps;
using static Ducha.Services.Tests.Assessment.SheetTestData;
using Rating = Ducha.Contracts.Assessment.V1.Rating;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Score sheets and rankings over gRPC and REST, in Hubei: the year in Wuhan (two overdue cases, one of them
/// also an exposure follow-up overdue, a buck-passing flag, an accountability marked 容错) read by Wuhan itself with
/// every case behind its points; Huangshi scoring higher but vetoed, ranked after it; siblings and counties kept out.
/// </summary>
[Collection(SheetsCollection.Name)]
public sealed class ScoreSheetApiTests(SheetsFixture host)
{
    private readonly SheetSteps _steps = new(host);
    private static readonly SemaphoreSlim HubeiOnce = new(1, 1);
    private static bool _hubei;

    /// <summary>Hubei's scheme and year, once for the class: Wuhan's deductions, and a veto on Huangshi.</summary>
    private async Task HubeiAsync()
    {
        await HubeiOnce.WaitAsync();
        try
        {
            if (_hubei) return;
            _steps.SchemeWithGoodYear("420000");
            host.Sources.Add(
                Fact(DeductionKind.Lateness, "wuhan-case-1", "420102", holderUnit: "江岸区生态环境分局",
                    events: [("ev-overdue-1", "cases.case-overdue"), ("ev-follow-up-1", "exposure.follow-up-overdue")], exposureId: "exposure-1"),
                Fact(DeductionKind.Lateness, "wuhan-case-2", "420100"),
                Fact(DeductionKind.BuckPassing, "wuhan-case-3", "420100", returner: "420106", returnerUnit: "武昌区城管局"),
                Fact(DeductionKind.Accountability, "wuhan-case-4", "420100", exempted: true, reason: "因政策调整导致的失误，经认定予以容错"));
            await _steps.VetoAsync("420000", "420200", ground: VetoGround.Concealment);
            _hubei = true;
        }
        finally
        {
            HubeiOnce.Release();
        }
    }

    [Fact]
    public async Task The_city_reads_its_sheet_over_rest_with_total_rating_and_every_deduction_with_its_case()
    {
        await HubeiAsync();

        var answer = await host.RestAs("420100").GetAsync("/v1/score-sheets/420100/2024");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var sheet = answer.Body;
        Assert.Equal((93.0, "RATING_EXCELLENT", false), (sheet.GetProperty("total").GetDouble(), sheet.GetProperty("rating").GetString(), sheet.GetProperty("frozen").GetBoolean()));
        var deductions = sheet.GetProperty("deductions").EnumerateArray().ToList();
        Assert.Equal(["拖延时间", "推诿扯皮", "问责"], deductions.Select(d => d.GetProperty("rule").GetString()));
        Assert.Equal(["wuhan-case-1", "wuhan-case-2"], deductions[0].GetProperty("deductions").EnumerateArray().Select(d => d.GetProperty("caseId").GetString()));
        Assert.Equal(["ev-overdue-1", "ev-follow-up-1"], deductions[0].GetProperty("deductions")[0].GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("eventId").GetString()));
        Assert.Equal(("wuhan-case-3", "420106"), (deductions[1].GetProperty("deductions")[0].GetProperty("caseId").GetString(),
            deductions[1].GetProperty("deductions")[0].GetProperty("chargedJurisdictionCode").GetString()));
        var tolerated = deductions[2].GetProperty("deductions")[0];
        Assert.Equal(("wuhan-case-4", true, "因政策调整导致的失误，经认定予以容错", 0.0), (tolerated.GetProperty("caseId").GetString(),
            tolerated.GetProperty("exempted").GetBoolean(), tolerated.GetProperty("exemptionReason").GetString(), tolerated.GetProperty("points").GetDouble()));
        // Fifteen parties score a full 100 and share rank 1; Wuhan comes next, the vetoed Huangshi last.
        Assert.Equal((16, 17), (sheet.GetProperty("rank").GetInt32(), sheet.GetProperty("rankedOf").GetInt32()));
    }

    [Fact]
    public async Task Rating_then_total_ranks_the_unvetoed_excellent_city_before_the_vetoed_one_with_the_higher_score()
    {
        await HubeiAsync();

        var ranking = await _steps.As("420000").ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = "420000", Year = 2024 });

        var wuhan = ranking.Parties.Single(p => p.JurisdictionCode == "420100");
        var huangshi = ranking.Parties.Single(p => p.JurisdictionCode == "420200");
        Assert.Equal((Rating.Excellent, 93.0, false), (wuhan.Rating, wuhan.Total, wuhan.Vetoed));
        Assert.Equal((Rating.Good, 100.0, true), (huangshi.Rating, huangshi.Total, huangshi.Vetoed));
        Assert.Equal((16, 17), (wuhan.Rank, huangshi.Rank));
        Assert.Equal(Enumerable.Repeat(1, 15), ranking.Parties.Take(15).Select(p => p.Rank));
        Assert.Equal(RankingOrder.RatingThenTotal, ranking.Order);
        // The counties the province governs directly are its parties; the grouping above them is none.
        Assert.Contains(ranking.Parties, p => p.JurisdictionCode == "429004");
        Assert.DoesNotContain(ranking.Parties, p => p.JurisdictionCode == "429000");
    }

    [Fact]
    public async Task The_party_and_the_levels_above_read_a_sheet_and_siblings_and_counties_do_not()
    {
        await HubeiAsync();
        var request = new GetScoreSheetRequest { JurisdictionCode = "420100", Year = 2024 };

        var byUnit = await _steps.As("420100", "handler", "武汉市生态环境局").GetScoreSheetAsync(request);
        var byProvince = await _steps.As("420000", "assessor").GetScoreSheetAsync(request);

        Assert.Equal((93.0, 93.0), (byUnit.Total, byProvince.Total));
        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied],
            [
                await RefusedAsync(() => _steps.As("420200").GetScoreSheetAsync(request).ResponseAsync),
                await RefusedAsync(() => _steps.As("420102").GetScoreSheetAsync(request).ResponseAsync),
                await RefusedAsync(() => _steps.As("420100").ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = "420000", Year = 2024 }).ResponseAsync),
                await RefusedAsync(() => _steps.As("420000", "handler", "湖北省生态环境厅").ListRankingsAsync(new ListRankingsRequest
                    { JurisdictionCode = "420000", Year = 2024 }).ResponseAsync),
            ]);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.RestAs("420200").GetAsync("/v1/score-sheets/420100/2024")).Status);
    }

    [Fact]
    public async Task A_department_reads_its_own_sheet_and_not_another_departments()
    {
        _steps.SchemeWithGoodYear("430000", Schemes.Audience.Departments, Scheme(lead: "湖南省生态环境厅", partner: "湖南省住房和城乡建设厅"));
        host.Sources.Add(Fact(DeductionKind.Lateness, "hunan-department-case", "430000", holderUnit: "湖南省生态环境厅"));
        var request = new GetScoreSheetRequest { JurisdictionCode = "430000", Year = 2024, Department = "湖南省生态环境厅" };

        var own = await _steps.As("430000", "handler", "湖南省生态环境厅").GetScoreSheetAsync(request);
        var other = await RefusedAsync(() => _steps.As("430000", "handler", "湖南省住房和城乡建设厅").GetScoreSheetAsync(request).ResponseAsync);

        Assert.Equal(("湖南省生态环境厅", 3), (own.Department, own.RankedOf));
        Assert.Equal(["hunan-department-case"], own.Deductions[0].Deductions.Select(d => d.CaseId));
        Assert.Equal(StatusCode.PermissionDenied, other);
    }

    [Fact]
    public async Task Without_a_scheme_in_force_the_sheet_is_a_failed_precondition_saying_so()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.As("440000").GetScoreSheetAsync(new GetScoreSheetRequest
        {
            JurisdictionCode = "440100", Year = 2024,
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("No assessment scheme of 440000", error.Status.Detail);
    }
}
