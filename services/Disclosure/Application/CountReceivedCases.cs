using Ducha.Disclosure.Data;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>How many cases a place has received, and when the last came in.</summary>
public sealed record PlaceReceivedCount(string JurisdictionCode, long Received, DateTimeOffset LastReceivedAt);

/// <summary>
/// Cases received per place, from the per-case read model: one place asked for, or every place in the caller's part of
/// the tree (a subtree is a code prefix, one indexed range).
/// </summary>
public sealed class CountReceivedCases(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records, JurisdictionTree tree)
{
    public const string Operation = "GetReceivedCaseCounts";

    public async Task<IReadOnlyList<PlaceReceivedCount>> HandleAsync(string? jurisdictionCode, Actor actor, CancellationToken cancellationToken)
    {
        if (jurisdictionCode is not null)
            records.EnsureWithin(actor, jurisdictionCode, Operation);
        var reach = tree.Find(actor.JurisdictionCode) is { } own ? actor.JurisdictionCode[..own.PrefixLength] : actor.JurisdictionCode;
        var counts = await db.Cases.AsNoTracking()
            .Where(c => c.ReceivedAt != null && (jurisdictionCode == null ? c.JurisdictionCode.StartsWith(reach) : c.JurisdictionCode == jurisdictionCode))
            .GroupBy(c => c.JurisdictionCode)
            .Select(g => new { Code = g.Key, Received = g.LongCount(), Last = g.Max(c => c.ReceivedAt) })
            .ToListAsync(cancellationToken);
        return [.. counts.Where(c => tree.IsWithin(c.Code, actor.JurisdictionCode)).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new PlaceReceivedCount(c.Code, c.Received, c.Last!.Value))];
    }
}
