using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;

namespace Ducha.Services.Tests;

/// <summary>群众反复投诉: a new complaint about the same polluter and place links to the case on file.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class RepeatComplaintTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private static CreateCaseRequest About(string polluter, string jurisdiction = "320505")
    {
        var request = CasesApiTests.ValidCase(jurisdiction);
        request.Polluter = polluter;
        request.Channel = Channel.MayorMailbox;
        return request;
    }

    [Fact]
    public async Task A_repeat_of_an_open_case_links_to_it_and_raises_its_repeat_count()
    {
        var polluter = UniqueName.Of("苏州某印染厂", 20);
        var first = await _steps.AtUnitAsync(About(polluter));

        var second = await _steps.City.CreateCaseAsync(About(" " + polluter + " "));
        var third = await _steps.Province.CreateCaseAsync(About(polluter));
        var elsewhere = await _steps.Province.CreateCaseAsync(About(polluter, "320506"));

        Assert.Equal(first.Id, second.LinkedCaseId);
        Assert.Equal(first.Id, third.LinkedCaseId);
        Assert.Equal("", elsewhere.LinkedCaseId);
        var earlier = await _steps.County.GetCaseAsync(new GetCaseRequest { Id = first.Id });
        Assert.Equal((2, CaseStatus.Assigned, CaseSteps.Unit), (earlier.RepeatCount, earlier.Status, earlier.HolderUnit));
        var history = (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = first.Id })).Transitions;
        Assert.Equal(2, history.Count(t => t.Action == "RepeatComplaint"));

        var repeated = await _steps.Province.ListCasesAsync(new ListCasesRequest { JurisdictionCode = "320505", MinRepeatCount = 2, PageSize = 200 });
        Assert.Contains(repeated.Cases, c => c.Id == first.Id);
        Assert.All(repeated.Cases, c => Assert.True(c.RepeatCount >= 2));
    }

    [Fact]
    public async Task A_repeat_of_a_recently_closed_case_reopens_it_for_a_new_round()
    {
        var polluter = UniqueName.Of("苏州某电镀厂", 20);
        var closed = await _steps.ClosedAsync(About(polluter));

        var repeat = await _steps.Province.CreateCaseAsync(About(polluter));

        var reopened = await _steps.Province.GetCaseAsync(new GetCaseRequest { Id = closed.Id });
        Assert.Equal(closed.Id, repeat.LinkedCaseId);
        Assert.Equal((CaseStatus.Reopened, "320000", 2, 1), (reopened.Status, reopened.HolderJurisdictionCode, reopened.Round, reopened.RepeatCount));
        Assert.Null(reopened.ClosedAt);
        var topics = await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Payload.Contains(closed.Id)).OrderBy(m => m.Sequence).Select(m => m.Topic));
        Assert.Equal("cases.case-reopened", topics.Last(t => t != "cases.case-received"));

        // The new round starts a new chain of hops: the province assigns again, and verification climbs the new chain.
        var again = await _steps.Province.AssignDownAsync(new AssignDownRequest { CaseId = closed.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        Assert.Equal((CaseStatus.Assigned, "320500"), (again.Status, again.HolderJurisdictionCode));
        await _steps.City.ReportHandlingAsync(CaseSteps.RectifiedNow(closed.Id));
        var verified = await _steps.Province.VerifyReportAsync(new VerifyReportRequest { CaseId = closed.Id, Accept = true });
        Assert.Equal(CaseStatus.Verified, verified.Status);
    }

    [Fact]
    public async Task A_complaint_without_a_named_polluter_is_never_taken_for_a_repeat()
    {
        var request = About("");
        var first = await _steps.Province.CreateCaseAsync(request);
        var second = await _steps.Province.CreateCaseAsync(request);

        Assert.Equal("", second.LinkedCaseId);
        Assert.Equal(0, (await _steps.Province.GetCaseAsync(new GetCaseRequest { Id = first.Id })).RepeatCount);
    }
}
