using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;
using Microsoft.Extensions.DependencyInjection;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// Deductions computed from what happened, never typed: in one year 成都市 has two cases overdue, a case bounced back
/// and forth (推诿扯皮), an aired problem whose follow-up is overdue on a case that is overdue too (one lateness) and one
/// on a case closed in time, and a cadre held accountable but exempted under 容错 — the assessment lists exactly those,
/// each with its case, its events and whom it is charged to, the exempted one with its reason. Delivered again, under
/// the same id or a new one, the events change nothing. In 自贡市, a county reads its own and not its neighbour's.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DeductionTests(StandaloneFixture host)
{
    private const string Tolerance = "已履职尽责，企业夜间偷排且刻意隐瞒，难以及时发现";
    // Before the host's clock starts on Friday 27 September 2024, on the day the problems are aired.
    private static readonly DateTimeOffset AiredAt = new(2024, 9, 27, 9, 40, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset LateNovember = new(2024, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Sibling = "510303";

    private readonly FactSteps _steps = new(host, "510100", "510104", "锦江区");
    private readonly FactSteps _zigong = new(host, "510300", "510302", "自流井区");

    [Fact]
    public async Task A_city_year_lists_each_lateness_once_the_buck_passing_and_the_exempted_accountability_with_their_cases()
    {
        var overdue = await _steps.AtUnitAsync();
        var airedLate = await _steps.AiredAsync(AiredAt);
        var airedDone = await _steps.AiredAsync(AiredAt);
        // The city reports the second problem's case at once and the province closes it: only its follow-up is missed.
        await _steps.CityOffice.ReportHandlingAsync(FactSteps.Findings(airedDone.CaseId));
        await _steps.ProvinceOffice.VerifyReportAsync(new VerifyReportRequest { CaseId = airedDone.CaseId, Accept = true });
        await FactSteps.CloseAsync(_steps.ProvinceOffice, airedDone.CaseId);
        var bounced = await _steps.BouncedAsync();
        var tolerated = await _steps.HeldAccountableAsync((CadreRank.Section, Sanction.Admonition, Tolerance));
        await _steps.SweepAsync(LateNovember);

        var city = await _steps.DeductionsWhenAsync(_steps.City, d => d.Count >= 5 && d.Any(x => x.CaseId == airedLate.CaseId && x.Events.Count == 2));

        Assert.Equal(new[] { overdue.Id, airedLate.CaseId, airedDone.CaseId, bounced.Id, tolerated.Id }.Order(), city.Select(d => d.CaseId).Order());
        var byCase = city.ToDictionary(d => d.CaseId);
        Assert.All(city, d => Assert.Equal(("", 0d), (d.Rule, d.Points)));
        Assert.Equal(5, city.Select(d => d.Id).Distinct().Count());

        var late = byCase[overdue.Id];
        Assert.Equal((DeductionKind.Lateness, _steps.County, _steps.Unit, ""), (late.Kind, late.ChargedJurisdictionCode, late.ChargedDepartment, late.ExposureId));
        Assert.Equal(["cases.case-overdue"], late.Events.Select(e => e.Type));
        Assert.StartsWith("逾期未办结（期限2024年10月", late.Cause);

        // A case overdue and its follow-up overdue are one lateness, listing both events, charged to the city that held and owed it.
        var both = byCase[airedLate.CaseId];
        Assert.Equal((DeductionKind.Lateness, _steps.City, "", airedLate.Id), (both.Kind, both.ChargedJurisdictionCode, both.ChargedDepartment, both.ExposureId));
        Assert.Equal(["cases.case-overdue", "exposure.follow-up-overdue"], both.Events.Select(e => e.Type).Order());

        var followUp = byCase[airedDone.CaseId];
        Assert.Equal((DeductionKind.Lateness, _steps.City, airedDone.Id), (followUp.Kind, followUp.ChargedJurisdictionCode, followUp.ExposureId));
        Assert.Equal(["exposure.follow-up-overdue"], followUp.Events.Select(e => e.Type));
        Assert.StartsWith("曝光问题逾期未完成回访（期限2024年10月", followUp.Cause);

        // The raw view charges the holder: the city it went back to (a scheme charges the county that returned it).
        var buckPassing = byCase[bounced.Id];
        Assert.Equal((DeductionKind.BuckPassing, _steps.City, "推诿扯皮（退回2次）", false), (buckPassing.Kind, buckPassing.ChargedJurisdictionCode, buckPassing.Cause,
            buckPassing.Exempted));
        Assert.Equal(["cases.buck-passing-flagged"], buckPassing.Events.Select(e => e.Type));

        var exempted = byCase[tolerated.Id];
        Assert.Equal((DeductionKind.Accountability, true, Tolerance, "问责：科级 诫勉谈话（容错免责）"), (exempted.Kind, exempted.Exempted, exempted.ExemptionReason, exempted.Cause));
        Assert.Equal((_steps.County, _steps.Unit), (exempted.ChargedJurisdictionCode, exempted.ChargedDepartment));
        Assert.Equal(["cases.accountability-recorded"], exempted.Events.Select(e => e.Type));
        Assert.All(city.SelectMany(d => d.Events), e => Assert.Equal(2024, e.At.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year));

        // The sheets read the same facts by place, a province's or a city's year one range: with their events, and the cases counted.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var facts = scope.ServiceProvider.GetRequiredService<IScoreFacts>();
            var placed = await facts.DeductionsAsync(FactSteps.Year, _steps.City, CancellationToken.None);
            var provincial = await facts.DeductionsAsync(FactSteps.Year, FactSteps.Province, CancellationToken.None);
            Assert.Equal(city.Select(d => d.Id).Order(), placed.Select(d => d.Key).Order());
            Assert.Equal(city.Select(d => d.Events.Count).Sum(), placed.Sum(d => d.Events.Count));
            Assert.Subset(provincial.Select(d => d.Key).ToHashSet(), placed.Select(d => d.Key).ToHashSet());
            Assert.Empty(await facts.DeductionsAsync(FactSteps.Year - 1, _steps.City, CancellationToken.None));
            Assert.DoesNotContain(await facts.DeductionsAsync(FactSteps.Year, "510105", CancellationToken.None), d => placed.Any(p => p.Key == d.Key));
            // Five cases placed in 锦江区: two closed (satisfied, verified, reported) and three never past a deadline.
            Assert.Equal(new CaseFigures(_steps.County, 5, 2, 3, 2, 2, 2), Assert.Single(await facts.CaseFiguresAsync(FactSteps.Year, _steps.City, CancellationToken.None)));
        }

        // Delivered again, as it was or under a new id, no event changes a deduction or a case.
        var casesBefore = await CasesAsync(overdue.Id, airedLate.CaseId, airedDone.CaseId, bounced.Id, tolerated.Id);
        var outcomes = await _steps.DeliverAgainAsync(overdue.Id, airedLate.CaseId, airedDone.CaseId, airedLate.Id, airedDone.Id, bounced.Id, tolerated.Id);
        Assert.Contains(DispatchOutcome.Duplicate, outcomes);
        Assert.Contains(DispatchOutcome.Applied, outcomes);
        Assert.Equal(city, await _steps.DeductionsAsync(_steps.City));
        Assert.Equal(casesBefore, await CasesAsync(overdue.Id, airedLate.CaseId, airedDone.CaseId, bounced.Id, tolerated.Id));
    }

    [Fact]
    public async Task A_county_reads_what_is_charged_to_it_and_its_units_and_not_its_neighbours()
    {
        var overdue = await _zigong.AtUnitAsync();
        var tolerated = await _zigong.HeldAccountableAsync((CadreRank.Section, Sanction.Criticism, null), (CadreRank.Other, Sanction.Admonition, Tolerance));
        var bounced = await _zigong.BouncedAsync();
        await _zigong.SweepAsync(LateNovember);
        var mine = new[] { overdue.Id, tolerated.Id, bounced.Id };
        await _zigong.DeductionsWhenAsync(_zigong.City, d => d.Count(x => mine.Contains(x.CaseId)) == 4);

        var county = (await _zigong.DeductionsAsync(_zigong.County)).Where(d => mine.Contains(d.CaseId)).ToList();
        var bureau = (await _zigong.DeductionsAsync(_zigong.County, _zigong.Unit)).Where(d => mine.Contains(d.CaseId)).ToList();
        var province = (await _zigong.DeductionsAsync(FactSteps.Province)).Where(d => mine.Contains(d.CaseId)).ToList();
        var refused = await Assert.ThrowsAsync<RpcException>(() => _zigong.Assessment(Sibling).ListDeductionsAsync(new ListDeductionsRequest
        {
            JurisdictionCode = _zigong.County, Year = FactSteps.Year,
        }).ResponseAsync);
        var handler = await Assert.ThrowsAsync<RpcException>(() => new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(host.AsUnit(_zigong.County, _zigong.Unit)).ListDeductionsAsync(new ListDeductionsRequest
        {
            JurisdictionCode = _zigong.County, Year = FactSteps.Year,
        }).ResponseAsync);

        // The county's lateness and both people of the accountability (one sanctioned, one exempted); the buck-passing is the city's.
        Assert.Equal(new[] { overdue.Id, tolerated.Id, tolerated.Id }.Order(), county.Select(d => d.CaseId).Order());
        Assert.Equal([false, true], county.Where(d => d.Kind == DeductionKind.Accountability).Select(d => d.Exempted).Order());
        Assert.Equal(county, bureau);
        Assert.Equal(4, province.Count);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, handler.StatusCode);
        Assert.DoesNotContain(await _zigong.DeductionsAsync(Sibling), d => mine.Contains(d.CaseId));
    }

    [Fact]
    public async Task A_tolerance_reason_that_names_the_reporter_stays_in_the_case_file_and_the_deduction_is_still_exempted()
    {
        var complaint = _zigong.Complaint();
        complaint.Reporter = new Reporter { Name = "邓晓燕", Phone = "13990001234", Address = "自流井区某小区" };
        const string Naming = "举报人邓晓燕所反映问题系企业刻意隐瞒，经办人已履职尽责";

        var named = await _zigong.HeldAccountableAsync(complaint, (CadreRank.Section, Sanction.Admonition, Naming));
        var exempted = (await _zigong.DeductionsWhenAsync(_zigong.County, d => d.Any(x => x.CaseId == named.Id))).Single(d => d.CaseId == named.Id);

        Assert.Equal((true, "", "问责：科级 诫勉谈话（容错免责）"), (exempted.Exempted, exempted.ExemptionReason, exempted.Cause));
        var file = await _zigong.CityOffice.GetCaseFileAsync(new GetCaseFileRequest { Id = named.Id });
        Assert.Equal(Naming, Assert.Single(file.Accountability).Person.FaultToleranceReason);
        var published = await host.QueryAsync<Ducha.Cases.Data.CasesDbContext, string>(db =>
            db.Set<Ducha.EventBus.EntityFramework.Outbox.OutboxMessage>().Where(m => m.Payload.Contains(named.Id)).Select(m => m.Payload));
        Assert.Contains(published, p => p.Contains("faultTolerated", StringComparison.Ordinal));
        Assert.All(published, p => Assert.DoesNotContain("邓晓燕", p));
    }

    [Theory]
    [InlineData(2016, "", 0, "year")]
    [InlineData(2024, "", 201, "page_size")]
    [InlineData(2024, "!!!", 0, "page_token")]
    public async Task A_request_out_of_range_is_refused_naming_the_field(int year, string token, int pageSize, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Assessment(_steps.City).ListDeductionsAsync(new ListDeductionsRequest
        {
            JurisdictionCode = _steps.City, Year = year, PageToken = token, PageSize = pageSize,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
    }

    /// <summary>The cases' rows as assessment keeps them, every column.</summary>
    private async Task<string> CasesAsync(params string[] ids) => System.Text.Json.JsonSerializer.Serialize(
        await host.QueryAsync<AssessmentDbContext, AssessedCase>(db => db.AssessedCases.Where(c => ids.Contains(c.CaseId)).OrderBy(c => c.CaseId)));
}
