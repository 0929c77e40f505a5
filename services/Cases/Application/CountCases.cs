using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

/// <summary>How many cases one jurisdiction has in each status, how many are past their deadline, how many flagged 推诿扯皮.</summary>
public sealed record JurisdictionCounts(string JurisdictionCode, IReadOnlyDictionary<CaseStatus, int> ByStatus, int Overdue, int BuckPassing)
{
    public int Total => ByStatus.Values.Sum();
}

/// <summary>Cases per jurisdiction of a subtree and per status, of those the actor may see, counted in the database.</summary>
public sealed class CountCases(VisibleCases cases, TimeProvider time)
{
    public const string Operation = "CountCases";

    public async Task<List<JurisdictionCounts>> HandleAsync(string root, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCase.Readers);
        var visible = await cases.WithinAsync(root, actor, Operation, cancellationToken);
        var rows = await visible
            .GroupBy(c => new { c.JurisdictionCode, c.Status })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdue = await visible.PastDeadline(BeijingTime.DateOf(time.GetUtcNow()))
            .GroupBy(c => c.JurisdictionCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var buckPassing = await visible.Where(c => c.BuckPassingFlagged)
            .GroupBy(c => c.JurisdictionCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. rows.GroupBy(r => r.JurisdictionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JurisdictionCounts(g.Key, g.ToDictionary(r => r.Status, r => r.Count), overdue.GetValueOrDefault(g.Key),
                buckPassing.GetValueOrDefault(g.Key)))];
    }
}
