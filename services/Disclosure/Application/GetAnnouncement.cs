using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Application;

/// <summary>An announcement with every version, to a caller whose reach covers its county.</summary>
public sealed class GetAnnouncement(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records)
{
    public const string Operation = "GetAnnouncement";

    public async Task<Announcement> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("Announcement", id);
        records.EnsureWithin(actor, announcement.JurisdictionCode, Operation);
        return announcement;
    }
}
