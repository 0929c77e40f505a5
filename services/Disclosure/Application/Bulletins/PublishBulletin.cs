using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.EventBus.EntityFramework.Outbox;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>An office publishes its reviewed draft as version 1, once Cases and the pattern scan find no reporter in it.</summary>
public sealed class PublishBulletin(DisclosureDbContext db, BulletinScreening screening, EventOutbox<DisclosureDbContext> outbox, TimeProvider time,
    ILogger<PublishBulletin> logger)
{
    public const string Operation = "PublishBulletin";

    public async Task<(Bulletin Bulletin, IReadOnlyList<BulletinVersion> Versions)> HandleAsync(string bulletinId, Actor actor, CancellationToken cancellationToken)
    {
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == bulletinId, cancellationToken) ?? throw new EntityNotFoundException("Bulletin", bulletinId);
        BulletinOffices.EnsureOwnOffice(bulletin.JurisdictionCode, actor, Operation);
        var verdict = await screening.ScreenAsync(bulletin.Content, cancellationToken);
        var now = time.GetStoredUtcNow();
        var version = bulletin.Publish(verdict, actor, now);
        db.BulletinVersions.Add(version);
        outbox.Add(new BulletinPublished(bulletin.Id, bulletin.JurisdictionCode, bulletin.PeriodStart, bulletin.PeriodEnd, version.Number, null, version.Hash, now));
        await BulletinSaving.SaveAsync(db, bulletin.Id, cancellationToken);
        logger.LogInformation("Bulletin {BulletinId} of {JurisdictionCode} published ({PeriodStart}–{PeriodEnd})", bulletin.Id, bulletin.JurisdictionCode,
            bulletin.PeriodStart, bulletin.PeriodEnd);
        return (bulletin, [version]);
    }
}
