using Ducha.Assessment.Data;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Assessment.Application.Facts;

/// <summary>What a rebuild did: the events it replayed, how many rows it compared, which differed from the live ones, and whether it kept the result.</summary>
public sealed record ScoresRebuild(long EventsReplayed, long EventsSkipped, int RowsLive, int RowsRebuilt, IReadOnlyList<string> Differences, bool Committed);

/// <summary>
/// Operators rebuild the facts the scores are computed from — assessed cases and deductions with their events — from
/// this database alone: every event as it was applied (the applied-event log), through the same handlers, into emptied
/// tables, inside one transaction that holds the log's turn, so no event is applied half-way through and neither the
/// broker nor the publishers are asked anything. A dry run reports which rows would change and rolls back.
/// </summary>
public sealed class RebuildScores(AssessmentDbContext db, AppliedEventReplay replay, AppliedEventLogLock logLock, IServiceProvider services,
    ILogger<RebuildScores> logger)
{
    public const string Operation = "RebuildScores";

    public async Task<ScoresRebuild> HandleAsync(bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Admin);
        ScoresRebuild rebuild;
        using (await logLock.EnterAsync(typeof(AssessmentDbContext), cancellationToken))
            rebuild = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RebuildAsync(dryRun, ct), cancellationToken);
        logger.Log(rebuild.Differences.Count == 0 ? LogLevel.Information : LogLevel.Warning,
            "Assessment facts {Outcome} by {Caller}: {Events} event(s) replayed; {Differences} of {Rows} row(s) differed from the live facts",
            rebuild.Committed ? "rebuilt" : "rebuilt in a dry run", actor.Subject, rebuild.EventsReplayed, rebuild.Differences.Count, rebuild.RowsLive);
        return rebuild;
    }

    private async Task<ScoresRebuild> RebuildAsync(bool dryRun, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppliedEventLogLock.LockAsync(db, cancellationToken);
        var live = await FactSnapshot.TakeAsync(db, cancellationToken);
        await db.Set<Domain.Facts.DeductionEventRef>().ExecuteDeleteAsync(cancellationToken);
        await db.DeductionFacts.ExecuteDeleteAsync(cancellationToken);
        await db.AssessedCases.ExecuteDeleteAsync(cancellationToken);
        var events = await replay.ReplayAsync(db, services, cancellationToken);
        var rebuilt = await FactSnapshot.TakeAsync(db, cancellationToken);
        if (dryRun) await transaction.RollbackAsync(cancellationToken);
        else await transaction.CommitAsync(cancellationToken);
        return new ScoresRebuild(events.Replayed, events.Skipped, live.Count, rebuilt.Count, live.Differences(rebuilt), !dryRun);
    }
}
