using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// What the public site reads, with no caller to check: announcements are public from the moment they are published.
/// A page is rendered once per <see cref="AnnouncementStamp"/>: asking for the stamp is the one small indexed query a
/// request costs while nothing has changed.
/// </summary>
public sealed class ReadPublicAnnouncements(DisclosureDbContext db)
{
    /// <summary>The most a public list shows: far more than a county's stays in a year, and a page a phone still loads quickly.</summary>
    public const int ListLimit = 100;

    /// <summary>Changes whenever an announcement of the scope is published or corrected: the count and the versions only grow.</summary>
    public async Task<AnnouncementStamp> StampAsync(Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var stamp = (await db.Announcements.AsNoTracking().Where(AnnouncementScope.Of(jurisdiction))
            .GroupBy(_ => 1)
            .Select(g => new AnnouncementStamp(g.Count(), g.Sum(a => a.Version)))
            .ToListAsync(cancellationToken)) is [var only] ? only : null;
        return stamp ?? new AnnouncementStamp(0, 0);
    }

    /// <summary>The scope's announcements, the latest published first.</summary>
    public async Task<IReadOnlyList<Announcement>> ListAsync(Jurisdiction jurisdiction, CancellationToken cancellationToken) =>
        await db.Announcements.AsNoTracking().Where(AnnouncementScope.Of(jurisdiction))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(ListLimit)
            .ToListAsync(cancellationToken);

    /// <summary>The current version number of an announcement, or 0 when there is none with that id.</summary>
    // Not a compiled query: one of those is bound to the first model it met, and a process may hold both providers' models.
    public Task<int> VersionAsync(string id, CancellationToken cancellationToken) =>
        db.Announcements.Where(a => a.Id == id).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<Announcement?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}

/// <summary>How many announcements a scope has and the sum of their versions: equal stamps, equal content.</summary>
public sealed record AnnouncementStamp(int Count, int Versions)
{
    public override string ToString() => $"{Count}.{Versions}";
}
