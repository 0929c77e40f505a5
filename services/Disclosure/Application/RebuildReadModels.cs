using Ducha.Disclosure.Data;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Disclosure.Application;

/// <summary>What a rebuild did: what it replayed, how many rows it compared, which differed from the live model, and whether it kept the result.</summary>
public sealed record ReadModelRebuild(long EventsReplayed, long EventsSkipped, long FactsReplayed, int RowsLive, int RowsRebuilt, IReadOnlyList<string> Differences,
    bool Committed);

/// <summary>
/// Operators rebuild the read models (cases, their facts and accountability, exposures) from this database alone: every
/// event as it was applied (the applied-event log, through the same handlers) and then every answer fetched from cases
/// (the fetched-facts log), into emptied tables, inside one transaction that holds the read models' turn, so no event is
/// applied half-way through and the broker and cases are not asked anything. A dry run does the same, reports which rows
/// would change, and rolls back; a real run commits. Typical-case marks are offices' decisions, not derived, and stay.
/// </summary>
public sealed class RebuildReadModels(DisclosureDbContext db, AppliedEventReplay replay, AppliedEventLogLock logLock, CaseFactsLedger ledger,
    CaseFactsFetcher fetcher, IServiceProvider services, ILogger<RebuildReadModels> logger)
{
    public const string Operation = "RebuildReadModels";
    private const int Page = 500;

    public async Task<ReadModelRebuild> HandleAsync(bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Admin);
        ReadModelRebuild rebuild;
        using (await logLock.EnterAsync(typeof(DisclosureDbContext), cancellationToken))
            rebuild = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RebuildAsync(dryRun, ct), cancellationToken);
        logger.Log(rebuild.Differences.Count == 0 ? LogLevel.Information : LogLevel.Warning,
            "Read models {Outcome} by {Caller}: {Events} event(s) and {Facts} fetched answer(s) replayed; {Differences} of {Rows} row(s) differed from the live model",
            rebuild.Committed ? "rebuilt" : "rebuilt in a dry run", actor.Subject, rebuild.EventsReplayed, rebuild.FactsReplayed, rebuild.Differences.Count, rebuild.RowsLive);
        if (rebuild.Committed) fetcher.Nudge();
        return rebuild;
    }

    private async Task<ReadModelRebuild> RebuildAsync(bool dryRun, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppliedEventLogLock.LockAsync(db, cancellationToken);
        var live = await ReadModelSnapshot.TakeAsync(db, cancellationToken);
        await db.Cases.ExecuteDeleteAsync(cancellationToken);
        await db.Facts.ExecuteDeleteAsync(cancellationToken);
        await db.Accountability.ExecuteDeleteAsync(cancellationToken);
        await db.Exposures.ExecuteDeleteAsync(cancellationToken);
        var events = await replay.ReplayAsync(db, services, cancellationToken);
        var facts = await ReplayFactsAsync(cancellationToken);
        var rebuilt = await ReadModelSnapshot.TakeAsync(db, cancellationToken);
        if (dryRun) await transaction.RollbackAsync(cancellationToken);
        else await transaction.CommitAsync(cancellationToken);
        return new ReadModelRebuild(events.Replayed, events.Skipped, facts, live.Count, rebuilt.Count, live.Differences(rebuilt), !dryRun);
    }

    /// <summary>The answers fetched from cases, in the order they were applied, after every event: they only fill what events do not.</summary>
    private async Task<long> ReplayFactsAsync(CancellationToken cancellationToken)
    {
        long after = 0, replayed = 0;
        while (true)
        {
            var page = await db.FetchedFacts.AsNoTracking().Where(f => f.Sequence > after).OrderBy(f => f.Sequence).Take(Page).ToListAsync(cancellationToken);
            if (page.Count == 0) return replayed;
            // One case may be answered several times in a page: the tracked row takes each answer in turn.
            foreach (var entry in page) await ledger.ApplyAsync(entry, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            replayed += page.Count;
            after = page[^1].Sequence;
            db.ChangeTracker.Clear();
        }
    }
}
