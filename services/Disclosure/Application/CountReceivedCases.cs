using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>Cases received per jurisdiction: one jurisdiction asked for, or all of the caller's part of the tree.</summary>
public sealed class CountReceivedCases(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records, JurisdictionTree tree)
{
    public const string Operation = "GetReceivedCaseCounts";

    public async Task<IReadOnlyList<ReceivedCaseCount>> HandleAsync(string? jurisdictionCode, Actor actor, CancellationToken cancellationToken)
    {
        if (jurisdictionCode is not null)
            records.EnsureWithin(actor, jurisdictionCode, Operation);
        var counts = await db.ReceivedCaseCounts.AsNoTracking()
            .Where(c => jurisdictionCode == null || c.JurisdictionCode == jurisdictionCode)
            .OrderBy(c => c.JurisdictionCode)
            .ToListAsync(cancellationToken);
        // The table holds one row per jurisdiction, so filtering the caller's reach here stays small.
        return [.. counts.Where(c => tree.IsWithin(c.JurisdictionCode, actor.JurisdictionCode))];
    }
}
