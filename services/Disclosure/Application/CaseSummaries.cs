using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Application;

/// <summary>
/// Where a set of cases stands, counted by the database rather than in memory: an office's summary and a bulletin's
/// running totals both read it, so a province's year is two aggregate queries however many cases it holds.
/// </summary>
public static class CaseSummaries
{
    public static async Task<CaseSummary> SummarizeAsync(this DisclosureDbContext db, IQueryable<DisclosedCase> cases, CancellationToken cancellationToken)
    {
        var closed = CaseStage.Closed;
        var counts = (await cases.GroupBy(_ => 1)
            .Select(g => new
            {
                Transferred = g.Count(),
                Closed = g.Count(c => c.Stage == closed),
                Overdue = g.Count(c => c.Overdue),
                Pending = g.Count(c => c.FactsPending),
            })
            .ToListAsync(cancellationToken)) is [var only] ? only : null;
        var ids = cases.Select(c => c.CaseId);
        var accountability = await db.Accountability.AsNoTracking().Where(t => ids.Contains(t.CaseId))
            .GroupBy(t => new { t.Rank, t.Sanction })
            .Select(g => new { g.Key.Rank, g.Key.Sanction, Held = g.Sum(t => t.Held), Exempted = g.Sum(t => t.Exempted) })
            .ToListAsync(cancellationToken);
        var transferred = counts?.Transferred ?? 0;
        var closedCount = counts?.Closed ?? 0;
        return new CaseSummary(transferred, transferred - closedCount, closedCount, counts?.Overdue ?? 0, counts?.Pending ?? 0,
            [.. accountability.Select(a => new AccountabilityCount(a.Rank, a.Sanction, a.Held, a.Exempted)).OrderBy(a => a.Rank).ThenBy(a => a.Sanction)]);
    }
}
