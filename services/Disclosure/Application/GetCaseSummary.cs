using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// An office's summary of its own jurisdiction (or one below it) for a period: the cases that came into its hands — how
/// many, in hand, closed, overdue — and the people held accountable on them by rank and sanction. Computed by query over
/// the per-case read model, from the level's own index.
/// </summary>
public sealed class GetCaseSummary(DisclosureDbContext db, JurisdictionTree tree, ILogger<GetCaseSummary> logger)
{
    public const string Operation = "GetCaseSummary";
    public static readonly Role[] Readers = [Role.Office];

    public async Task<CaseSummary> HandleAsync(string jurisdictionCode, DisclosurePeriod period, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Readers);
        var jurisdiction = tree.RequireOfficeLevel(jurisdictionCode);
        tree.EnsureWithin(actor, jurisdictionCode, Operation, logger);
        var cases = db.Cases.AsNoTracking().CameInto(jurisdiction, period);
        var closed = CaseStage.Closed;
        var counts = await cases.GroupBy(_ => 1)
            .Select(g => new
            {
                Transferred = g.Count(),
                Closed = g.Count(c => c.Stage == closed),
                Overdue = g.Count(c => c.Overdue),
                Pending = g.Count(c => c.FactsPending),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var ids = cases.Select(c => c.CaseId);
        var accountability = await db.Accountability.AsNoTracking().Where(t => ids.Contains(t.CaseId))
            .GroupBy(t => new { t.Rank, t.Sanction })
            .Select(g => new { g.Key.Rank, g.Key.Sanction, Held = g.Sum(t => t.Held), Exempted = g.Sum(t => t.Exempted) })
            .ToListAsync(cancellationToken);
        return new CaseSummary(counts?.Transferred ?? 0, (counts?.Transferred ?? 0) - (counts?.Closed ?? 0), counts?.Closed ?? 0, counts?.Overdue ?? 0,
            counts?.Pending ?? 0,
            [.. accountability.Select(a => new AccountabilityCount(a.Rank, a.Sanction, a.Held, a.Exempted)).OrderBy(a => a.Rank).ThenBy(a => a.Sanction)]);
    }
}
