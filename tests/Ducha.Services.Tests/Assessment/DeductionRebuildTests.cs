using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// The facts rebuilt from the applied-event log equal the live ones: after a run in 攀枝花市 with every kind of deduction
/// — overdue cases, a follow-up overdue, buck-passing, a report sent back, a case reopened by a repeated complaint, a stop
/// order never checked, accountability with 容错 — and every event delivered again, the operators' rebuild replays what
/// assessment applied, asking neither the broker nor the publishers, and arrives at exactly the rows the live handlers
/// built; a damaged row is reported by a dry run and repaired.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DeductionRebuildTests(StandaloneFixture host)
{
    private static readonly DateTimeOffset AiredAt = new(2024, 9, 27, 9, 35, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset EarlyDecember = new(2024, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FactSteps _steps = new(host, "510400", "510402", "东区");

    private Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient Operator => _steps.Assessment(FactSteps.Province, "admin");

    [Fact]
    public async Task A_rebuild_from_the_log_equals_the_live_facts_and_repairs_a_damaged_row()
    {
        var ids = await RunAsync();
        var live = await SettledAsync(ids);

        var dryRun = await Operator.RebuildScoresAsync(new RebuildScoresRequest { DryRun = true });
        var rebuilt = await Operator.RebuildScoresAsync(new RebuildScoresRequest());

        Assert.Equal((0, false), (dryRun.Differences.Count, dryRun.Committed));
        Assert.Equal((0, true), (rebuilt.Differences.Count, rebuilt.Committed));
        Assert.True(rebuilt.EventsReplayed > 0 && rebuilt.RowsLive > 0, $"replayed {rebuilt.EventsReplayed} events over {rebuilt.RowsLive} rows");
        Assert.Equal(rebuilt.RowsLive, rebuilt.RowsRebuilt);
        // Every deduction keeps its id (its key) through the rebuild.
        Assert.Equal(live, await _steps.DeductionsAsync(_steps.City));

        // Someone with access to the database file lifts the exemption's reason and drops a lateness.
        var exempted = live.Single(d => d.Exempted);
        var lateness = live.First(d => d.Kind == DeductionKind.Lateness);
        await host.ExecuteSqlAsync<AssessmentDbContext>($"UPDATE deduction_facts SET \"Exempted\" = 0, \"ExemptionReason\" = NULL WHERE \"Key\" = {exempted.Id}");
        await host.ExecuteSqlAsync<AssessmentDbContext>($"DELETE FROM deduction_facts WHERE \"Key\" = {lateness.Id}");
        var damaged = await Operator.RebuildScoresAsync(new RebuildScoresRequest { DryRun = true });
        var stillDamaged = await _steps.DeductionsAsync(_steps.City);
        var repaired = await Operator.RebuildScoresAsync(new RebuildScoresRequest());

        Assert.Contains($"deduction_facts:{exempted.Id}", damaged.Differences);
        Assert.Contains($"deduction_facts:{lateness.Id}", damaged.Differences);
        Assert.All(lateness.Events, e => Assert.Contains($"deduction_events:{lateness.Id}|{e.EventId}", damaged.Differences));
        Assert.DoesNotContain(stillDamaged, d => d.Id == lateness.Id);
        Assert.Equal((damaged.Differences, true), (repaired.Differences, repaired.Committed));
        Assert.Equal(live, await _steps.DeductionsAsync(_steps.City));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("assessor")]
    public async Task Only_an_administrator_rebuilds(string role)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Assessment(FactSteps.Province, role).RebuildScoresAsync(new RebuildScoresRequest { DryRun = true }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    /// <summary>
    /// One of each: a case left at its unit, an aired problem left without follow-up, a case bounced twice, a report sent
    /// back and then closed and reopened by a repeated complaint, a stop order never checked, and accountability (one
    /// person sanctioned, one exempted); swept as of early December, then every event delivered again. The cases and problems.
    /// </summary>
    private async Task<string[]> RunAsync()
    {
        var overdue = await _steps.AtUnitAsync();
        var aired = await _steps.AiredAsync(AiredAt);
        var bounced = await _steps.BouncedAsync();

        var complaint = _steps.Complaint();
        var sentBack = await _steps.AtUnitAsync(complaint);
        await _steps.Handler.ReportHandlingAsync(FactSteps.Findings(sentBack.Id));
        await _steps.CountyOffice.VerifyReportAsync(new VerifyReportRequest { CaseId = sentBack.Id, Accept = false, Reason = "未附水质监测报告" });
        await _steps.Handler.ReportHandlingAsync(FactSteps.Findings(sentBack.Id));
        await _steps.VerifyAllAsync(sentBack.Id);
        await FactSteps.CloseAsync(_steps.ProvinceOffice, sentBack.Id);
        await _steps.ProvinceOffice.CreateCaseAsync(_steps.Complaint(complaint.Polluter));

        var stopped = await _steps.AtUnitAsync();
        var report = FactSteps.Findings(stopped.Id);
        report.Measures.Add(new Measure { Kind = MeasureKind.Stop, Scope = MeasureScope.Site, Description = "涉水车间停产整治", VerificationDate = "2024-10-31" });
        await _steps.Handler.ReportHandlingAsync(report);

        var accountable = await _steps.HeldAccountableAsync((CadreRank.Division, Sanction.Criticism, null), (CadreRank.Section, Sanction.Admonition, "已履职尽责，难以发现"));
        await _steps.SweepAsync(EarlyDecember);
        string[] ids = [overdue.Id, aired.CaseId, aired.Id, bounced.Id, sentBack.Id, stopped.Id, accountable.Id];
        await SettledAsync(ids);
        await _steps.DeliverAgainAsync(ids);
        return ids;
    }

    /// <summary>The city's deductions once every kind is in: three latenesses (the stopped case is late too), two of poor handling, the stop, the flag, two people.</summary>
    private async Task<List<Deduction>> SettledAsync(string[] ids)
    {
        var all = await _steps.DeductionsWhenAsync(_steps.City, d =>
            d.Count(x => x.Kind == DeductionKind.Lateness) == 3 && d.Count(x => x.Kind == DeductionKind.PoorHandling) == 2
            && d.Count(x => x.Kind == DeductionKind.StopUnverified) == 1 && d.Count(x => x.Kind == DeductionKind.BuckPassing) == 1
            && d.Count(x => x.Kind == DeductionKind.Accountability) == 2 && d.Single(x => x.CaseId == ids[1]).Events.Count == 2);
        Assert.Equal(9, all.Count);
        Assert.Equal(["核查不合格退回：未附水质监测报告", "群众反复投诉重新办理（第2轮）"], all.Where(d => d.Kind == DeductionKind.PoorHandling).OrderBy(d => d.OccurredAt.ToDateTimeOffset()).Select(d => d.Cause));
        Assert.Equal("停产措施逾期未核查（第1项）", all.Single(d => d.Kind == DeductionKind.StopUnverified).Cause);
        // Both poor handlings are charged to the bureau whose handling it was.
        Assert.All(all.Where(d => d.Kind == DeductionKind.PoorHandling), d => Assert.Equal((_steps.County, _steps.Unit), (d.ChargedJurisdictionCode, d.ChargedDepartment)));
        return all;
    }
}
