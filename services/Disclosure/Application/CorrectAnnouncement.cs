using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Logging;

namespace Ducha.Disclosure.Application;

/// <summary>The publishing office (or one above it) corrects an announcement: the next version, with its reason, and its event.</summary>
public sealed class CorrectAnnouncement(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records, JurisdictionTree tree,
    EventOutbox<DisclosureDbContext> outbox, TimeProvider time, ILogger<CorrectAnnouncement> logger)
{
    public async Task<Announcement> HandleAsync(string id, AnnouncementAmendment amendment, string reason, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Announcement.CorrectOperation, Role.Office);
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("Announcement", id);
        records.EnsureWithin(actor, announcement.JurisdictionCode, Announcement.CorrectOperation);
        var version = announcement.Correct(amendment, reason, actor, tree, time.GetStoredUtcNow());
        var changed = announcement.ChangedFields(version);
        outbox.Add(new AnnouncementCorrected(announcement.Id, announcement.JurisdictionCode, actor.JurisdictionCode, version.Number, changed,
            version.Reason!, version.RecordedAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another correction was filed from the same version between the read above and this save.
            throw new ConcurrentChangeException("Announcement", id, e);
        }
        logger.LogInformation("{Operation}: announcement {Id} of {JurisdictionCode} is now version {Version} ({Changed}) by {Role} at {By}",
            Announcement.CorrectOperation, announcement.Id, announcement.JurisdictionCode, version.Number, string.Join(",", changed), actor.Role.Name(),
            actor.JurisdictionCode);
        return announcement;
    }
}
