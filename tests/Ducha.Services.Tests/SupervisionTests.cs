using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>督: supervision by the offices above, and the deadline watch's reminders, overdue notices and stop alerts.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class SupervisionTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private static DateTimeOffset Beijing(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private Task<List<string>> TopicsAsync(string caseId) => host.QueryAsync<CasesDbContext, string>(db =>
        db.Set<OutboxMessage>().Where(m => m.Payload.Contains(caseId)).OrderBy(m => m.Sequence).Select(m => m.Topic));

    [Fact]
    public async Task Listed_supervision_and_case_ownership_name_their_leader()
    {
        var atUnit = await _steps.AtUnitAsync();

        var listed = await _steps.Province.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Listed, Leader = "省生态环境厅王副厅长" });
        var owned = await _steps.County.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Ownership, Leader = "虎丘区张副区长" });
        await _steps.City.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Notice, Note = "请于10月14日前报送办理结果" });

        Assert.Equal("省生态环境厅王副厅长", listed.ListedLeader);
        Assert.Equal(("省生态环境厅王副厅长", "虎丘区张副区长"), (owned.ListedLeader, owned.OwnerLeader));
        var file = await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id });
        Assert.Equal([SupervisionKind.Listed, SupervisionKind.Ownership, SupervisionKind.Notice], file.Supervisions.Select(s => s.Kind));
        Assert.Equal(["320000", "320505", "320500"], file.Supervisions.Select(s => s.ByJurisdictionCode));
        Assert.Equal(3, (await TopicsAsync(atUnit.Id)).Count(t => t == "cases.case-supervised"));
    }

    [Fact]
    public async Task Where_petitions_concentrate_a_special_team_is_sent_with_its_leader_and_visit_plan()
    {
        var atUnit = await _steps.AtUnitAsync();

        var noPlan = await Assert.ThrowsAsync<RpcException>(() => _steps.City.SuperviseAsync(new SuperviseRequest
            { CaseId = atUnit.Id, Kind = SupervisionKind.SpecialTeam, Leader = "市督查组周组长" }).ResponseAsync);
        await _steps.City.SuperviseAsync(new SuperviseRequest
            { CaseId = atUnit.Id, Kind = SupervisionKind.SpecialTeam, Leader = "市督查组周组长", Note = "明察暗访：夜间 22 时后暗访两次，白天明查一次" });

        Assert.Equal(StatusCode.InvalidArgument, noPlan.StatusCode);
        Assert.Contains("note", noPlan.Status.Detail);
        var team = Assert.Single((await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id })).Supervisions);
        Assert.Equal((SupervisionKind.SpecialTeam, "市督查组周组长"), (team.Kind, team.Leader));
    }

    [Fact]
    public async Task Supervision_needs_its_leader_or_note_and_comes_from_above_the_holder()
    {
        var atUnit = await _steps.AtUnitAsync();
        var received = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());

        var noLeader = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Province.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Listed }).ResponseAsync);
        var noNote = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Province.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Notice }).ResponseAsync);
        var byHandler = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Handler.SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Reminder }).ResponseAsync);
        var ofItself = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Province.SuperviseAsync(new SuperviseRequest { CaseId = received.Id, Kind = SupervisionKind.Reminder }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noLeader.StatusCode);
        Assert.Contains("leader", noLeader.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, noNote.StatusCode);
        Assert.Contains("note", noNote.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, byHandler.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, ofItself.StatusCode);
        Assert.Empty((await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id })).Supervisions);
    }

    [Fact]
    public async Task The_watch_reminds_on_the_make_up_Saturday_before_the_deadline_and_announces_it_overdue_once()
    {
        var atUnit = await _steps.AtUnitAsync(); // the unit is due Monday 2024-10-14

        await host.DeadlineWatch.SweepAsync(Beijing(10, 11, 10), default); // Friday: Saturday 10-12 is a make-up working day, two days left
        Assert.DoesNotContain("cases.deadline-reminder", await TopicsAsync(atUnit.Id));

        await host.DeadlineWatch.SweepAsync(Beijing(10, 12, 10), default);
        await host.DeadlineWatch.SweepAsync(Beijing(10, 12, 11), default);
        var reminder = Assert.Single(await host.QueryAsync<CasesDbContext, OutboxMessage>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == "cases.deadline-reminder" && m.Payload.Contains(atUnit.Id))));
        Assert.Contains("\"workingDaysLeft\":1", reminder.Payload);
        var file = await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id });
        Assert.True(Assert.Single(file.Supervisions).Automatic);

        await host.DeadlineWatch.SweepAsync(Beijing(10, 15, 9), default);
        await host.DeadlineWatch.SweepAsync(Beijing(10, 16, 9), default);
        Assert.Single(await TopicsAsync(atUnit.Id), t => t == "cases.case-overdue");
        var history = (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = atUnit.Id })).Transitions;
        Assert.Contains(history, t => t.Action == "Overdue" && t.Reason.Contains("2024-10-14"));
        Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = atUnit.Id })).Intact);
    }

    [Fact]
    public async Task Two_watches_sweeping_at_once_as_two_replicas_would_announce_each_passed_deadline_once()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 4; i++) cases.Add(await _steps.AtUnitAsync()); // each due Monday 2024-10-14

        // On threads of their own: SQLite's async calls complete synchronously, which would run one pass after the other.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => host.DeadlineWatch.SweepAsync(Beijing(10, 15, 9), default))));

        foreach (var @case in cases)
        {
            Assert.Single(await TopicsAsync(@case.Id), t => t == "cases.case-overdue");
            Assert.Single((await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = @case.Id })).Transitions, t => t.Action == "Overdue");
            Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = @case.Id })).Intact);
        }
    }

    [Fact]
    public async Task A_stop_order_not_verified_by_its_date_raises_the_alert_and_a_verified_one_does_not()
    {
        async Task<Case> WithStopAsync()
        {
            var atUnit = await _steps.AtUnitAsync();
            var report = CaseSteps.RectifiedNow(atUnit.Id);
            report.Measures.Add(new Measure { Kind = MeasureKind.Stop, Scope = MeasureScope.Site, Description = "涉气车间停产", VerificationDate = "2024-10-31" });
            return await _steps.Handler.ReportHandlingAsync(report);
        }
        var neglected = await WithStopAsync();
        var checkedOnTime = await WithStopAsync();
        await _steps.Handler.VerifyStopMeasureAsync(new VerifyStopMeasureRequest { CaseId = checkedOnTime.Id, MeasureNumber = 1, Finding = "现场核查，车间已停产，设备已断电" });

        await host.DeadlineWatch.SweepAsync(Beijing(10, 31, 18), default);
        Assert.DoesNotContain("cases.stop-verification-overdue", await TopicsAsync(neglected.Id));
        await host.DeadlineWatch.SweepAsync(Beijing(11, 1, 9), default);
        await host.DeadlineWatch.SweepAsync(Beijing(11, 2, 9), default);

        Assert.Single(await TopicsAsync(neglected.Id), t => t == "cases.stop-verification-overdue");
        Assert.DoesNotContain("cases.stop-verification-overdue", await TopicsAsync(checkedOnTime.Id));
        var measure = Assert.Single((await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = neglected.Id })).Measures);
        Assert.NotNull(measure.AlertRaisedAt);
    }

    [Fact]
    public async Task A_hop_made_in_quiet_hours_is_announced_when_it_is_delivered_at_8()
    {
        var atUnit = await _steps.AtUnitAsync();
        // As if the county had assigned at 21:30 on Monday 10-07: delivered, and its clock started, at 08:00 on Tuesday.
        var morning = Beijing(10, 8, 8);
        await host.ExecuteSqlAsync<CasesDbContext>($"UPDATE case_assignments SET \"DeliveryAnnounced\" = 0, \"DeliveredAt\" = {morning.UtcTicks} WHERE \"CaseId\" = {atUnit.Id} AND \"ToUnit\" IS NOT NULL");
        var deliveredBefore = (await TopicsAsync(atUnit.Id)).Count(t => t == "cases.case-delivered");

        await host.DeadlineWatch.SweepAsync(Beijing(10, 8, 7), default);
        Assert.Equal(deliveredBefore, (await TopicsAsync(atUnit.Id)).Count(t => t == "cases.case-delivered"));
        await host.DeadlineWatch.SweepAsync(Beijing(10, 8, 8), default);

        Assert.Equal(deliveredBefore + 1, (await TopicsAsync(atUnit.Id)).Count(t => t == "cases.case-delivered"));
        var deliver = (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = atUnit.Id })).Transitions.Last();
        Assert.Equal("Deliver", deliver.Action);
        Assert.Contains("2024-10-08 08:00", deliver.Reason);
    }
}
