using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>A unit that is not responsible sends the case back; bouncing it twice between the same offices is 推诿扯皮.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ReturnCaseTests(StandaloneFixture host)
{
    private Ducha.Contracts.Cases.V1.Cases.CasesClient As(string jurisdiction) => new(host.As(jurisdiction));

    private async Task<Case> AtCountyAsync()
    {
        var received = await As("320500").CreateCaseAsync(CasesApiTests.ValidCase("320505"));
        return await As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 5 });
    }

    [Fact]
    public async Task A_returned_case_goes_back_to_the_assigning_office_with_its_reason()
    {
        var atCounty = await AtCountyAsync();

        var returned = await As("320505").ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "污染源位于吴中区，非本区职责" });

        Assert.Equal("320500", returned.HolderJurisdictionCode);
        Assert.Equal(CaseStatus.Returned, returned.Status);
        Assert.Equal("", returned.Deadline); // the city received it at intake and had no deadline of its own
        Assert.False(returned.BuckPassingFlagged);
        var last = (await As("320500").GetHistoryAsync(new GetHistoryRequest { Id = atCounty.Id })).Transitions.Last();
        Assert.Equal("Return", last.Action);
        Assert.Contains("非本区职责", last.Reason);
    }

    [Fact]
    public async Task The_assigning_office_gets_its_own_deadline_back()
    {
        var received = await As("320000").CreateCaseAsync(CasesApiTests.ValidCase("320505"));
        await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        await As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 9 });

        var returned = await As("320505").ReturnCaseAsync(new ReturnCaseRequest { CaseId = received.Id, Reason = "属地不符" });

        Assert.Equal("320500", returned.HolderJurisdictionCode);
        Assert.Equal("2024-10-16", returned.Deadline);
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_the_holder()
    {
        var atCounty = await AtCountyAsync();

        var noReason = await Assert.ThrowsAsync<RpcException>(() => As("320505").ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id }).ResponseAsync);
        var notHolder = await Assert.ThrowsAsync<RpcException>(() =>
            As("320500").ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "不是我们" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("reason:", noReason.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, notHolder.StatusCode);
        Assert.Equal("320505", (await As("320500").GetCaseAsync(new GetCaseRequest { Id = atCounty.Id })).HolderJurisdictionCode);
    }

    [Fact]
    public async Task Bouncing_twice_between_the_same_offices_flags_buck_passing_in_an_event()
    {
        var atCounty = await AtCountyAsync();
        await As("320505").ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "非本区职责" });
        await As("320500").AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, ToJurisdictionCode = "320505", WorkingDays = 5 });

        var flagged = await As("320505").ReturnCaseAsync(new ReturnCaseRequest { CaseId = atCounty.Id, Reason = "仍非本区职责" });

        Assert.True(flagged.BuckPassingFlagged);
        var buckPassing = await As("320500").ListCasesAsync(new ListCasesRequest { JurisdictionCode = "320505", BuckPassingOnly = true, PageSize = 200 });
        Assert.Contains(buckPassing.Cases, c => c.Id == atCounty.Id);
        Assert.All(buckPassing.Cases, c => Assert.True(c.BuckPassingFlagged));
        // CountCases counts them per place, the same cases the filtered list holds.
        var counts = await As("320500").CountCasesAsync(new CountCasesRequest { JurisdictionCode = "320505" });
        Assert.Equal(buckPassing.Total, counts.Counts.Single().BuckPassing);
        var events = await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "cases.buck-passing-flagged").Select(m => m.Payload));
        Assert.Single(events, e => e.Contains(atCounty.Id));
        Assert.True((await As("320500").VerifyHistoryAsync(new VerifyHistoryRequest { Id = atCounty.Id })).Intact);
    }
}
