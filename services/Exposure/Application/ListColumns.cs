using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

public sealed record ColumnListing(IReadOnlyList<Column> Columns, IReadOnlyList<MediaOutlet> Outlets, ListPosition? Next);

/// <summary>
/// A jurisdiction's columns in the order they were opened (ids are version-7 GUIDs, so they sort as filed), with their
/// outlets: to whoever may read one of its columns — its office and those above it, never a sibling.
/// </summary>
public sealed class ListColumns(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records)
{
    public const string Operation = "ListColumns";

    public async Task<ColumnListing> HandleAsync(string jurisdictionCode, int pageSize, ListPosition? after, Actor actor, CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var query = db.Columns.AsNoTracking().Where(c => c.JurisdictionCode == jurisdictionCode);
        if (after is { Id: var lastId })
        {
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(c => string.Compare(c.Id, lastId) > 0);
#pragma warning restore CA1309
        }
        // One more than asked says whether a next page exists, without counting.
        var rows = await query.OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var outletIds = page.Select(c => c.MediaOutletId).Distinct().ToList();
        var outlets = await db.MediaOutlets.AsNoTracking().Where(o => outletIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return new ColumnListing(page, outlets, rows.Count > pageSize ? new ListPosition(ListPosition.NoKey, page[^1].Id) : null);
    }
}
