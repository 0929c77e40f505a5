using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// A published bulletin whose data changed (a finding corrected, a case closed since) is republished as the next version,
/// generated again from the read model, with the reason readers see beside what changed.
/// </summary>
public sealed class CorrectBulletin(DisclosureDbContext db, IBulletinSource source, BulletinScreening screening, JurisdictionTree tree,
    EventOutbox<DisclosureDbContext> outbox, TimeProvider time, ILogger<CorrectBulletin> logger)
{
    public const string Operation = "CorrectBulletin";

    public async Task<(Bulletin Bulletin, IReadOnlyList<BulletinVersion> Versions)> HandleAsync(string bulletinId, string reason, Actor actor,
        CancellationToken cancellationToken)
    {
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == bulletinId, cancellationToken) ?? throw new EntityNotFoundException("Bulletin", bulletinId);
        BulletinOffices.EnsureOwnOffice(bulletin.JurisdictionCode, actor, Operation);
        var versions = await db.BulletinVersions.Where(v => v.BulletinId == bulletin.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        if (versions.Count == 0)
            throw new DomainRuleException("A draft is corrected by drafting it again; only a published bulletin takes a correction.");
        var content = await source.ComposeAsync(tree.Get(bulletin.JurisdictionCode), new BulletinPeriod(bulletin.PeriodStart, bulletin.PeriodEnd), cancellationToken);
        var verdict = await screening.ScreenAsync(content, cancellationToken);
        var now = time.GetStoredUtcNow();
        var version = bulletin.Correct(versions[^1], content, reason, verdict, actor, now);
        db.BulletinVersions.Add(version);
        outbox.Add(new BulletinPublished(bulletin.Id, bulletin.JurisdictionCode, bulletin.PeriodStart, bulletin.PeriodEnd, version.Number, version.Reason,
            version.Hash, now));
        await BulletinSaving.SaveAsync(db, bulletin.Id, cancellationToken);
        logger.LogInformation("Bulletin {BulletinId} corrected: version {Version}", bulletin.Id, version.Number);
        return (bulletin, [.. versions, version]);
    }
}
