using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>Legacy cases keep the central inspection's deadline; accountability is recorded with ranks, sanctions and 容错.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class LegacyAndAccountabilityTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private static CreateCaseRequest Legacy(string originalDeadline)
    {
        var request = CasesApiTests.ValidCase();
        request.CentralInspection = true;
        request.Channel = Channel.InspectionTeam;
        request.OriginalDeadline = originalDeadline;
        return request;
    }

    [Fact]
    public async Task A_legacy_case_keeps_its_original_deadline_through_every_hop()
    {
        var received = await _steps.Province.CreateCaseAsync(Legacy("2024-10-18"));
        Assert.Equal(("2024-10-18", "2024-10-18"), (received.Deadline, received.OriginalDeadline));

        var beyond = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Province.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 20 }).ResponseAsync);
        var within = await _steps.Province.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 11 });

        Assert.Equal(StatusCode.FailedPrecondition, beyond.StatusCode);
        Assert.Contains("Legacy case", beyond.Status.Detail);
        Assert.Equal("2024-10-17", within.Deadline);
        var returned = await _steps.City.ReturnCaseAsync(new ReturnCaseRequest { CaseId = received.Id, Reason = "属地不符" });
        Assert.Equal("2024-10-18", returned.Deadline);
    }

    [Fact]
    public async Task An_original_deadline_is_only_for_central_inspection_cases()
    {
        var request = CasesApiTests.ValidCase();
        request.OriginalDeadline = "2024-10-18";

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.CreateCaseAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("original_deadline", error.Status.Detail);
    }

    [Fact]
    public async Task A_legacy_case_past_its_deadline_is_listed_and_counted_as_overdue()
    {
        var late = await _steps.Province.CreateCaseAsync(Legacy("2024-09-20"));

        var overdue = await _steps.Province.ListCasesAsync(new ListCasesRequest { JurisdictionCode = "320505", OverdueOnly = true, PageSize = 200 });
        var counts = await _steps.Province.CountCasesAsync(new CountCasesRequest { JurisdictionCode = "320505" });

        Assert.True(Assert.Single(overdue.Cases, c => c.Id == late.Id).Overdue);
        Assert.All(overdue.Cases, c => Assert.True(c.Overdue));
        Assert.True(Assert.Single(counts.Counts).Overdue >= 1);
    }

    [Fact]
    public async Task Accountability_is_recorded_by_rank_and_sanction_and_fault_tolerance_keeps_its_reason()
    {
        var atUnit = await _steps.AtUnitAsync();
        var people = new RecordAccountabilityRequest
        {
            CaseId = atUnit.Id,
            People =
            {
                new AccountablePerson { Name = "陈某", Position = "虎丘区副区长", Rank = CadreRank.Division, Sanction = Sanction.Criticism },
                new AccountablePerson { Name = "刘某", Position = "浒墅关镇环保办主任", Rank = CadreRank.Section, Sanction = Sanction.Admonition, FaultTolerated = true },
            },
        };

        var missingReason = await Assert.ThrowsAsync<RpcException>(() => _steps.City.RecordAccountabilityAsync(people).ResponseAsync);
        people.People[1].FaultToleranceReason = "已履职尽责，问题系企业隐蔽偷排所致，难以预见";
        await _steps.City.RecordAccountabilityAsync(people);
        var byHandler = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.RecordAccountabilityAsync(people).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, missingReason.StatusCode);
        Assert.Contains("people[1].fault_tolerance_reason", missingReason.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, byHandler.StatusCode);
        var file = await _steps.City.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id });
        Assert.Equal([CadreRank.Division, CadreRank.Section], file.Accountability.Select(a => a.Person.Rank));
        Assert.Contains("难以预见", file.Accountability[1].Person.FaultToleranceReason);
        var payload = Assert.Single(await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "cases.accountability-recorded" && m.Payload.Contains(atUnit.Id)).Select(m => m.Payload)));
        Assert.Contains("\"faultTolerated\":true", payload);
        Assert.DoesNotContain("陈某", payload);
    }

    [Fact]
    public async Task A_problem_clue_goes_to_the_supervisory_organ_of_the_referring_level()
    {
        var atUnit = await _steps.AtUnitAsync();

        await _steps.City.ReferClueAsync(new ReferClueRequest { CaseId = atUnit.Id, Summary = "浒墅关镇环保办对企业偷排长期失察，可能存在失职失责问题" });
        var empty = await Assert.ThrowsAsync<RpcException>(() => _steps.City.ReferClueAsync(new ReferClueRequest { CaseId = atUnit.Id }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        var referral = Assert.Single((await _steps.City.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id })).ClueReferrals);
        Assert.Equal("320500", referral.SupervisoryOrganJurisdictionCode);
        var payload = Assert.Single(await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "cases.clue-referred" && m.Payload.Contains(atUnit.Id)).Select(m => m.Payload)));
        Assert.Contains("\"supervisoryOrganJurisdictionCode\":\"320500\"", payload);
    }
}
