using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>An office publishes the inspection entry announcement of a county within its reach; the event commits with it.</summary>
public sealed class PublishAnnouncement(JurisdictionRecords<DisclosureDbContext> records, JurisdictionTree tree, EventOutbox<DisclosureDbContext> outbox,
    TimeProvider time)
{
    public async Task<Announcement> HandleAsync(string countyCode, AnnouncementContent content, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Announcement.PublishOperation, Role.Office);
        // Reach first: an office outside the county learns nothing about it from the refusal.
        records.EnsureWithin(actor, countyCode, Announcement.PublishOperation);
        var announcement = Announcement.Publish(tree, countyCode, content, actor, idempotencyKey, time.GetStoredUtcNow());
        return await records.FileAsync(announcement, actor, Announcement.PublishOperation, cancellationToken, filed =>
        {
            var first = filed.Current;
            outbox.Add(new AnnouncementPublished(filed.Id, filed.JurisdictionCode, filed.PublishedBy, first.Team, first.StartDate, first.EndDate,
                first.ReportPhone, first.PhoneHours.ToString(), first.PostalBox, filed.PublishedAt));
        });
    }
}
