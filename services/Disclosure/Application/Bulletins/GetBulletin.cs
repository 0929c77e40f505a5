using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>A bulletin with its published versions, to the offices of its jurisdiction and above (drafts included).</summary>
public sealed class GetBulletin(DisclosureDbContext db, JurisdictionRecords<DisclosureDbContext> records)
{
    public const string Operation = "GetBulletin";

    public async Task<(Bulletin Bulletin, IReadOnlyList<BulletinVersion> Versions)> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var bulletin = await records.FindAsync<Bulletin>(id, actor, Operation, cancellationToken);
        var versions = await db.BulletinVersions.AsNoTracking().Where(v => v.BulletinId == bulletin.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return (bulletin, versions);
    }
}
