using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>Requests racing on one case: each is applied whole or refused whole, and the history stays one chain.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ConcurrencyTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    [Fact]
    public async Task Simultaneous_changes_to_one_case_are_applied_or_refused_as_aborted_never_half_done()
    {
        var atUnit = await _steps.AtUnitAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320000"))
                    .SuperviseAsync(new SuperviseRequest { CaseId = atUnit.Id, Kind = SupervisionKind.Reminder, Note = $"催办 {i}" });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.All(outcomes, code => Assert.Contains(code, new[] { StatusCode.OK, StatusCode.Aborted }));
        var applied = outcomes.Count(c => c == StatusCode.OK);
        Assert.True(applied >= 1);
        var file = await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id });
        Assert.Equal(applied, file.Supervisions.Count);
        Assert.Equal(applied, (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = atUnit.Id })).Transitions.Count(t => t.Action == "Supervise"));
        Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = atUnit.Id })).Intact);
    }

    private static readonly Ducha.Cases.Domain.CaseActor Actor = new("test", "office", "320000", "province");
    private static readonly Ducha.Cases.Domain.CaseParty Province = new("320000");
    private Ducha.Reference.Jurisdictions.JurisdictionTree Tree => host.Services.GetRequiredService<Ducha.Reference.Jurisdictions.JurisdictionTree>();

    private static Ducha.Cases.Application.CaseJournal Journal(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<Ducha.Cases.Application.CaseJournal>();

    [Fact]
    public async Task Of_two_units_of_work_on_one_case_the_later_commit_is_refused_whole()
    {
        var atUnit = await _steps.AtUnitAsync();
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var (a, b) = (Journal(first), Journal(second));

        // Both read the case as it is, then both append the next link of its chain.
        var caseA = await a.LoadAsync(atUnit.Id, default);
        var caseB = await b.LoadAsync(atUnit.Id, default);
        caseA.Supervise(Province, Tree, Ducha.Cases.Domain.SupervisionKind.Listed, "甲", null, a.Now);
        caseB.Supervise(Province, Tree, Ducha.Cases.Domain.SupervisionKind.Listed, "乙", null, b.Now);
        await a.RecordAsync(caseA, "Supervise", caseA.Status, Actor, "Listed by 甲", default);
        await b.RecordAsync(caseB, "Supervise", caseB.Status, Actor, "Listed by 乙", default);
        await a.SaveAsync(default);
        var refused = await Assert.ThrowsAsync<Ducha.BuildingBlocks.ConcurrentChangeException>(() => b.SaveAsync(default));

        Assert.Contains(atUnit.Id, refused.Message);
        var stored = await _steps.County.GetCaseAsync(new GetCaseRequest { Id = atUnit.Id });
        Assert.Equal("甲", stored.ListedLeader);
        Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = atUnit.Id })).Intact);
    }

    /// <summary>
    /// What PostgreSQL's retrying execution strategy does when the connection drops after COMMIT: the same unit of work runs
    /// again and meets its own rows. That is success — the caller must not hear "nothing was stored" — and nothing doubles.
    /// </summary>
    [Fact]
    public async Task A_unit_of_work_committed_once_and_sent_again_is_reported_done_and_stored_once()
    {
        var atUnit = await _steps.AtUnitAsync();
        await using var first = host.Services.CreateAsyncScope();
        await using var again = host.Services.CreateAsyncScope();
        var (a, b) = (Journal(first), Journal(again));
        b.At(a.Now);

        var caseA = await a.LoadAsync(atUnit.Id, default);
        var caseB = await b.LoadAsync(atUnit.Id, default);
        foreach (var (journal, @case) in new[] { (a, caseA), (b, caseB) })
        {
            @case.Supervise(Province, Tree, Ducha.Cases.Domain.SupervisionKind.Listed, "甲", null, journal.Now);
            await journal.RecordAsync(@case, "Supervise", @case.Status, Actor, "Listed by 甲", default);
        }
        await a.SaveAsync(default);
        await b.SaveAsync(default);

        var history = await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = atUnit.Id });
        Assert.Single(history.Transitions, t => t.Action == "Supervise");
        Assert.Equal("甲", (await _steps.County.GetCaseAsync(new GetCaseRequest { Id = atUnit.Id })).ListedLeader);
        Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = atUnit.Id })).Intact);
    }

    [Fact]
    public async Task A_case_read_before_another_change_committed_is_not_written_over_it()
    {
        var atUnit = await _steps.AtUnitAsync();
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var (a, b) = (Journal(first), Journal(second));

        // 甲 reads the case; 乙 reads, changes and commits; only then does 甲 read the chain's end, which is already 乙's link.
        var stale = await a.LoadAsync(atUnit.Id, default);
        var fresh = await b.LoadAsync(atUnit.Id, default);
        fresh.Supervise(Province, Tree, Ducha.Cases.Domain.SupervisionKind.Listed, "乙", null, b.Now);
        await b.RecordAsync(fresh, "Supervise", fresh.Status, Actor, "Listed by 乙", default);
        await b.SaveAsync(default);
        stale.Supervise(Province, Tree, Ducha.Cases.Domain.SupervisionKind.Ownership, "甲", null, a.Now);
        await a.RecordAsync(stale, "Supervise", stale.Status, Actor, "Owned by 甲", default);

        await Assert.ThrowsAsync<Ducha.BuildingBlocks.ConcurrentChangeException>(() => a.SaveAsync(default));
        var stored = await _steps.County.GetCaseAsync(new GetCaseRequest { Id = atUnit.Id });
        Assert.Equal("乙", stored.ListedLeader);
        Assert.Equal("", stored.OwnerLeader);
        Assert.True((await _steps.County.VerifyHistoryAsync(new VerifyHistoryRequest { Id = atUnit.Id })).Intact);
    }

    [Fact]
    public async Task Repeated_complaints_arriving_together_are_all_kept_and_all_counted()
    {
        var first = CasesApiTests.ValidCase();
        var earlier = await _steps.Province.CreateCaseAsync(first);

        var repeats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320500")).CreateCaseAsync(first).ResponseAsync));

        Assert.All(repeats, r => Assert.Equal(earlier.Id, r.LinkedCaseId));
        Assert.Equal(6, repeats.Select(r => r.Id).Distinct().Count());
        Assert.Equal(6, (await _steps.Province.GetCaseAsync(new GetCaseRequest { Id = earlier.Id })).RepeatCount);
        Assert.True((await _steps.Province.VerifyHistoryAsync(new VerifyHistoryRequest { Id = earlier.Id })).Intact);
    }
}
