using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Services.Tests;

/// <summary>The case as a record: a tamper-evident history, and a reporter only the handling chain may see.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class CaseRecordTests(StandaloneFixture host)
{
    private Ducha.Contracts.Cases.V1.Cases.CasesClient As(string jurisdiction, string role = "office") => new(host.As(jurisdiction, role));

    private static CreateCaseRequest WithReporter(string jurisdiction = "320505")
    {
        var request = CasesApiTests.ValidCase(jurisdiction);
        request.Reporter = new Reporter { Name = "李秀英", Phone = "13912345678", Address = "虎丘区某小区3栋" };
        return request;
    }

    [Fact]
    public async Task Receiving_a_case_starts_its_history_with_who_did_it_and_from_which_level()
    {
        var created = await As("320500").CreateCaseAsync(CasesApiTests.ValidCase());

        var history = await As("320500").GetHistoryAsync(new GetHistoryRequest { Id = created.Id });
        var verification = await As("320500").VerifyHistoryAsync(new VerifyHistoryRequest { Id = created.Id });

        var link = Assert.Single(history.Transitions);
        Assert.Equal(1, link.Sequence);
        Assert.Equal("Receive", link.Action);
        Assert.Equal("", link.FromStatus);
        Assert.Equal("Received", link.ToStatus);
        Assert.Equal("320500", link.ActorJurisdictionCode);
        Assert.Equal("city", link.ActorLevel);
        Assert.Equal("office", link.ActorRole);
        Assert.Matches("^[0-9a-f]{64}$", link.Hash);
        Assert.True(verification.Intact);
        Assert.Equal(1, verification.Transitions);
    }

    [Fact]
    public async Task Tampering_with_a_stored_transition_is_detected_and_the_link_named()
    {
        var created = await As("320505").CreateCaseAsync(CasesApiTests.ValidCase());

        var changed = await host.ExecuteSqlAsync<CasesDbContext>(
            $"UPDATE case_transitions SET \"Reason\" = 'channel Letter' WHERE \"CaseId\" = {created.Id} AND \"Sequence\" = 1");
        var verification = await As("320505").VerifyHistoryAsync(new VerifyHistoryRequest { Id = created.Id });

        Assert.Equal(1, changed);
        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSequence);
        Assert.Contains("hash", verification.Reason);
    }

    [Fact]
    public async Task A_sibling_county_cannot_read_the_history()
    {
        var created = await As("320505").CreateCaseAsync(CasesApiTests.ValidCase());

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320506").GetHistoryAsync(new GetHistoryRequest { Id = created.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task The_reporter_is_shown_to_the_handling_chain_and_to_nobody_else()
    {
        var created = await As("320505").CreateCaseAsync(WithReporter());
        await As("320505").AssignDownAsync(new AssignDownRequest { CaseId = created.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 5 });
        GetCaseRequest get = new() { Id = created.Id };

        var office = await As("320505").GetCaseAsync(get);
        var cityAbove = await As("320500").GetCaseAsync(get);
        var handler = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit("320505", CaseSteps.Unit)).GetCaseAsync(get);
        var otherUnit = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit("320505", "虎丘区住房和城乡建设局")).GetCaseAsync(get).ResponseAsync);
        var assessor = await As("320000", "assessor").GetCaseAsync(get);
        var discipline = await As("320505", "discipline").GetCaseAsync(get);

        // The county office received and held it; the city above sees the case but was never on its chain.
        Assert.Equal("李秀英", office.Reporter.Name);
        Assert.Null(cityAbove.Reporter);
        Assert.Equal("13912345678", handler.Reporter.Phone);
        Assert.Equal(StatusCode.PermissionDenied, otherUnit.StatusCode);
        Assert.Null(assessor.Reporter);
        Assert.Null(discipline.Reporter);

        // Once the unit has reported, the case and the reporter's contact move on up with it.
        await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit("320505", CaseSteps.Unit)).ReportHandlingAsync(CaseSteps.RectifiedNow(created.Id));
        Assert.Null((await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit("320505", CaseSteps.Unit)).GetCaseAsync(get)).Reporter);
    }

    [Fact]
    public async Task The_reporter_is_encrypted_at_rest()
    {
        var created = await As("320505").CreateCaseAsync(WithReporter());

        var stored = (await host.QueryAsync<CasesDbContext, string?>(db => db.Cases.Where(c => c.Id == created.Id).Select(c => c.ReporterSealed))).Single();
        var everything = string.Join("|", await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<Ducha.EventBus.EntityFramework.Outbox.OutboxMessage>().Select(m => m.Payload)));

        Assert.NotNull(stored);
        Assert.DoesNotContain("李秀英", stored);
        Assert.DoesNotContain("13912345678", stored);
        Assert.DoesNotContain("李秀英", everything);
        Assert.DoesNotContain("13912345678", everything);
    }

    [Fact]
    public async Task A_reporter_without_a_name_or_phone_is_refused()
    {
        var request = WithReporter();
        request.Reporter.Name = "";
        request.Reporter.Phone = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320505").CreateCaseAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("reporter.name:", error.Status.Detail);
        Assert.Contains("reporter.phone:", error.Status.Detail);
    }
}
