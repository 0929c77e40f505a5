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
        return await db.SummarizeAsync(db.Cases.AsNoTracking().CameInto(jurisdiction, period), cancellationToken);
    }
}
