using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.Disclosure.Data;
using FetchedCaseFacts = Ducha.Disclosure.Domain.FetchedCaseFacts;
using Ducha.Exposure.Application;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DisclosedCase = Ducha.Contracts.Disclosure.V1.DisclosedCase;

namespace Ducha.Services.Tests;

/// <summary>
/// A read model rebuilt from all events equals the live one: after a realistic run of cases and an airing, the operators'
/// rebuild replays disclosure's own copy of every event it applied and every answer it fetched from cases — asking
/// neither the broker nor cases — and arrives at exactly the rows the live handlers built; a damaged row is repaired.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DisclosureRebuildTests(StandaloneFixture host)
{
    private static readonly DateTimeOffset FridayEvening = new(2024, 9, 27, 9, 45, 0, TimeSpan.FromHours(8));

    private Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient Operator => new(host.As("320000", "admin"));

    [Fact]
    public async Task A_rebuild_from_the_logs_equals_the_live_read_model_and_repairs_a_damaged_row()
    {
        var steps = new DisclosureSteps(host, "320402", "天宁区");
        var (closedAndReopened, exposureCase) = await RunAsync(steps);
        var settled = await steps.SummaryWhenAsync(steps.County, s => s.FactsPending == 0 && s.Transferred == 3 && s.PeopleHeld == 2 && s.Overdue == 2);
        await steps.SummaryWhenAsync(DisclosureSteps.City, s => s.FactsPending == 0);
        var live = await ReadAllAsync(steps);
        var fetched = await host.CountAsync<DisclosureDbContext, FetchedCaseFacts>();

        var dryRun = await Operator.RebuildReadModelsAsync(new RebuildReadModelsRequest { DryRun = true });
        var rebuilt = await Operator.RebuildReadModelsAsync(new RebuildReadModelsRequest());

        Assert.Equal((0, false), (dryRun.Differing, dryRun.Committed));
        Assert.Equal((0, true), (rebuilt.Differing, rebuilt.Committed));
        Assert.Empty(rebuilt.DifferingRows);
        Assert.True(rebuilt.EventsReplayed > 0 && rebuilt.FactsReplayed > 0, $"replayed {rebuilt.EventsReplayed} events, {rebuilt.FactsReplayed} answers");
        Assert.Equal(rebuilt.RowsLive, rebuilt.RowsRebuilt);
        Assert.Equal(0, rebuilt.EventsSkipped);
        Assert.Equal(live, await ReadAllAsync(steps));
        // Cases was not asked again: the answers replayed are the ones already kept.
        Assert.Equal(fetched, await host.CountAsync<DisclosureDbContext, FetchedCaseFacts>());
        // What the run produced is what the rebuild reproduced: a reopened case, an overdue one, people held by rank, an airing.
        var reopened = live.First(c => c.CaseId == closedAndReopened);
        Assert.Equal((CaseStatus.Reopened, 2, Rectification.InHandling), (reopened.Status, reopened.Round, reopened.Rectification));
        Assert.Equal("经复查，暗管已封堵，排口水质达标。", reopened.Findings);
        Assert.Equal((3, 2, 1, 2), (settled.Transferred, settled.PeopleHeld, settled.PeopleExempted, settled.Overdue));
        var aired = live.First(c => c.CaseId == exposureCase);
        Assert.Equal(Ducha.Contracts.Cases.V1.Channel.MediaExposure, aired.Channel);
        Assert.NotNull(aired.Exposure);
        Assert.True(aired.Exposure.FollowUpOverdue);
        Assert.Equal(("2024-09-27", RectificationState.Rectifying, "", FollowUpState.Overdue),
            (aired.Exposure.ReturnVisitDate, aired.Exposure.ReturnVisitRectification, aired.Exposure.BroadcastDate, aired.Exposure.FollowUpState));
    }

    [Fact]
    public async Task A_damaged_row_is_reported_by_a_dry_run_and_repaired_by_a_rebuild()
    {
        var steps = new DisclosureSteps(host, "320404", "钟楼区");
        var closed = await steps.ClosedAsync();
        await steps.DisclosedWhenAsync(closed.Id, c => c.Status == CaseStatus.Closed && !c.FactsPending);
        var live = await ReadAllAsync(steps);

        // Someone with access to the database file sets the case back and wipes its findings.
        await host.ExecuteSqlAsync<DisclosureDbContext>($"UPDATE disclosed_cases SET \"Stage\" = 'Assigned', \"ClosedAt\" = NULL WHERE \"CaseId\" = {closed.Id}");
        await host.ExecuteSqlAsync<DisclosureDbContext>($"UPDATE disclosed_case_facts SET \"Findings\" = '' WHERE \"CaseId\" = {closed.Id}");
        var dryRun = await Operator.RebuildReadModelsAsync(new RebuildReadModelsRequest { DryRun = true });
        var stillDamaged = await ReadAllAsync(steps);
        var repaired = await Operator.RebuildReadModelsAsync(new RebuildReadModelsRequest());

        Assert.Equal([$"disclosed_case_facts:{closed.Id}", $"disclosed_cases:{closed.Id}"], dryRun.DifferingRows);
        Assert.All(stillDamaged.Where(c => c.CaseId == closed.Id), c => Assert.Equal(CaseStatus.Assigned, c.Status));
        Assert.Equal((2, true), (repaired.Differing, repaired.Committed));
        Assert.Equal(live, await ReadAllAsync(steps));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("inspection_team")]
    public async Task Only_an_administrator_rebuilds(string role)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As("320000", role)).RebuildReadModelsAsync(new RebuildReadModelsRequest { DryRun = true }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    /// <summary>
    /// 接、转、办、督、核、销号 and back: a report sent back and replaced, accountability with 容错, closure, a repeated complaint
    /// reopening the case, a case returned by its unit, both it and one left at its unit overdue, and a problem aired on provincial TV whose
    /// return visit is recorded and whose follow-up is still missed. Answers the reopened case and the aired problem's case.
    /// </summary>
    private async Task<(string Reopened, string Aired)> RunAsync(DisclosureSteps steps)
    {
        var complaint = steps.Complaint(new Reporter { Name = "司马青云", Phone = "13961101234", Address = "天宁区某小区" });
        var first = await steps.AtUnitAsync(complaint);
        await steps.Handler.ReportHandlingAsync(DisclosureSteps.Findings(first.Id));
        await steps.CountyOffice.VerifyReportAsync(new VerifyReportRequest { CaseId = first.Id, Accept = false, Reason = "未附水质监测报告" });
        var again = DisclosureSteps.Findings(first.Id);
        again.Findings = "经复查，暗管已封堵，排口水质达标。";
        await steps.Handler.ReportHandlingAsync(again);
        foreach (var office in new[] { steps.CountyOffice, steps.CityOffice, steps.ProvinceOffice })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = first.Id, Accept = true, Method = VerificationMethod.OnSite });
        await steps.HoldAccountableAsync(first.Id);
        await steps.CloseAsync(first.Id);
        // The same polluter reported again: the closed case reopens for a second round.
        var repeat = steps.Complaint();
        repeat.Polluter = complaint.Polluter;
        await steps.ProvinceOffice.CreateCaseAsync(repeat);

        var returned = await steps.AtUnitAsync();
        await steps.Handler.ReturnCaseAsync(new ReturnCaseRequest { CaseId = returned.Id, Reason = "该企业不属本单位监管" });
        var left = await steps.AtUnitAsync();
        await steps.DisclosedWhenAsync(left.Id, c => c.Status == CaseStatus.Assigned);
        await host.DeadlineWatch.SweepAsync(new DateTimeOffset(2024, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)), CancellationToken.None);

        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var proposal = ExposureTestData.Problem(column, steps.County);
        proposal.Polluter = UniqueName.Of("常州某印染有限公司", 20);
        var problem = await ExposureTestData.Client(host.Invoker).ProposeExposureAsync(proposal);
        await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayEvening, problem);
        var exposed = await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Id);
        // Changzhou visits the same day but never broadcasts: a week after its deadline the follow-up watch reports it overdue.
        await ExposureTestData.Client(host.As(DisclosureSteps.City)).RecordFollowUpAsync(new RecordFollowUpRequest
        {
            Id = problem.Id,
            ReturnVisit = new ReturnVisit { Date = "2024-09-27", Findings = "企业已停产整治", RectificationState = RectificationState.Rectifying },
        });
        await host.Services.GetRequiredService<FollowUpWatch>().SweepAsync(new DateTimeOffset(2024, 10, 18, 10, 0, 0, TimeSpan.FromHours(8)), CancellationToken.None);
        await steps.DisclosedWhenAsync(exposed.CaseId, c => c.Exposure is { FollowUpOverdue: true, ReturnVisitDate.Length: > 0 }, DisclosureSteps.City);
        return (first.Id, exposed.CaseId);
    }

    /// <summary>Every case the city and the county list, as the read API shows them.</summary>
    private static async Task<List<DisclosedCase>> ReadAllAsync(DisclosureSteps steps) =>
        [.. (await steps.ListAsync(DisclosureSteps.City)).Concat(await steps.ListAsync(steps.County)).OrderBy(c => c.CaseId, StringComparer.Ordinal)
            .ThenBy(c => c.TransferredAt)];
}
