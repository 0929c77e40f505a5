using Ducha.Cases.Application.Units;
using Ducha.Cases.Domain;

namespace Ducha.Cases.Application;

/// <summary>One assignment's outcome in a batch: the case as assigned, or the refusal the single call would have answered.</summary>
public sealed record AssignDownOutcome(string CaseId, CaseView? Case, Exception? Refusal);

/// <summary>
/// 转 for a morning's intake: many <see cref="AssignDown"/>s in one request. Each case is judged by the same rules and
/// written as its own hop, history link and events (<see cref="AssignDown.MoveAsync"/>); what a batch saves is round
/// trips — cases, chains and last links are read a chunk at a time and a chunk commits in one transaction. A refused case
/// never stops the others, and nothing is answered before every chunk is committed.
/// </summary>
public sealed class AssignDownBatch(CaseJournal journal, VisibleCases cases, CaseViews views, AssignmentRules rules, UnitRegisters units,
    ILogger<AssignDownBatch> logger)
{
    public const int MaxAssignments = 1000;
    // Large enough that a commit's fsync is shared by hundreds of cases, small enough that a collision with another
    // request costs little to redo case by case.
    private const int ChunkSize = 250;

    public async Task<IReadOnlyList<AssignDownOutcome>> HandleAsync(IReadOnlyList<AssignDownCommand> commands, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(AssignDown.Operation, Role.Office);
        EnsureWellFormed(commands);
        var outcomes = new AssignDownOutcome[commands.Count];
        foreach (var chunk in Enumerable.Range(0, commands.Count).Chunk(ChunkSize))
            await RunAsync(chunk, commands, outcomes, actor, cancellationToken);
        logger.LogInformation("{Assigned} of {Count} cases assigned down in one batch by {Caller}",
            outcomes.Count(o => o.Refusal is null), commands.Count, actor.ToString());
        return outcomes;
    }

    /// <summary>
    /// Assigns the chunk's cases and commits them together. Another request changing one of them at the same moment makes
    /// the whole commit fail; then each case is tried again alone, so only the one that really collided is refused.
    /// </summary>
    private async Task RunAsync(IReadOnlyList<int> chunk, IReadOnlyList<AssignDownCommand> commands, AssignDownOutcome[] outcomes, Actor actor,
        CancellationToken cancellationToken)
    {
        journal.Reset();
        var loaded = await cases.LoadManyAsync(chunk.Select(i => commands[i].CaseId).ToList(), actor, AssignDown.Operation, cancellationToken);
        await journal.PreloadAsync(loaded.Values.Select(l => l.Case).ToList(), cancellationToken);
        var moved = new List<int>();
        foreach (var i in chunk)
        {
            var command = commands[i];
            try
            {
                if (!loaded.TryGetValue(command.CaseId, out var found)) throw new EntityNotFoundException("Case", command.CaseId);
                cases.EnsureVisible(found.Case, found.Chain, actor, AssignDown.Operation);
                await AssignDown.MoveAsync(journal, units, rules, found.Case, found.Chain, command, actor, cancellationToken);
                outcomes[i] = new AssignDownOutcome(command.CaseId, views.For(found.Case, actor), null);
                moved.Add(i);
            }
            // The aggregate refuses before it changes anything, so a refused case leaves nothing in the unit of work.
            catch (Exception refusal) when (IsRefusal(refusal))
            {
                outcomes[i] = new AssignDownOutcome(command.CaseId, null, refusal);
            }
        }
        if (moved.Count == 0) return;
        try
        {
            await journal.SaveAsync(cancellationToken);
        }
        catch (ConcurrentChangeException conflict)
        {
            if (moved.Count == 1)
            {
                outcomes[moved[0]] = new AssignDownOutcome(commands[moved[0]].CaseId, null, conflict);
                return;
            }
            logger.LogInformation("A batch of {Count} assignments collided with another change; assigning them one by one", moved.Count);
            foreach (var i in moved) await RunAsync([i], commands, outcomes, actor, cancellationToken);
        }
    }

    private static bool IsRefusal(Exception exception) => exception is RequestValidationException or EntityNotFoundException
        or PermissionDeniedException or DomainRuleException or ConcurrentChangeException;

    /// <summary>A batch has 1 to <see cref="MaxAssignments"/> assignments, each case at most once (a second hop would be judged on a stale chain).</summary>
    private static void EnsureWellFormed(IReadOnlyList<AssignDownCommand> commands)
    {
        if (commands.Count is 0 or > MaxAssignments)
            throw new RequestValidationException("assignments", $"must hold 1 to {MaxAssignments} assignments (this one holds {commands.Count})");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var twice = new List<FieldViolation>();
        for (var i = 0; i < commands.Count; i++)
            if (!seen.TryAdd(commands[i].CaseId, i))
                twice.Add(new FieldViolation($"assignments[{i}].case_id", $"case {commands[i].CaseId} is already assignments[{seen[commands[i].CaseId]}]"));
        if (twice.Count > 0) throw new RequestValidationException(twice);
    }
}
