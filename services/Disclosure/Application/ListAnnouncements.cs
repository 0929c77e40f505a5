using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// The announcements of a jurisdiction's counties, newest first, a page at a time: a page ends at an id, and the next
/// starts after it (ids are version-7 GUIDs, so they sort as they were filed).
/// </summary>
public sealed class ListAnnouncements(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records, JurisdictionTree tree)
{
    public const string Operation = "ListAnnouncements";

    public async Task<(IReadOnlyList<Announcement> Page, string? NextAfter)> HandleAsync(string jurisdictionCode, int pageSize, string? after, Actor actor,
        CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var query = db.Announcements.AsNoTracking().Where(AnnouncementScope.Of(tree.Get(jurisdictionCode)));
        if (after is not null)
        {
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(a => string.Compare(a.Id, after) < 0);
#pragma warning restore CA1309
        }
        // One more than asked, to know whether a next page exists without counting.
        var rows = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize ? page[^1].Id : null);
    }
}
