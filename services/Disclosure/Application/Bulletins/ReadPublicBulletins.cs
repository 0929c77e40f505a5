using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>What the public site shows of bulletins: published ones only, with every version; drafts stay with the office.</summary>
public sealed class ReadPublicBulletins(DisclosureDbContext db)
{
    /// <summary>How many versions the bulletin has published; 0 when it is unknown or still a draft (no public page).</summary>
    public Task<int> VersionAsync(string id, CancellationToken cancellationToken) =>
        db.Bulletins.AsNoTracking().Where(b => b.Id == id && b.State == BulletinState.Published).Select(b => b.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<(Bulletin Bulletin, IReadOnlyList<BulletinVersion> Versions)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.State == BulletinState.Published, cancellationToken);
        if (bulletin is null) return null;
        return (bulletin, await db.BulletinVersions.AsNoTracking().Where(v => v.BulletinId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken));
    }

    /// <summary>A content stamp of the jurisdiction's published bulletins: it changes whenever one is published or corrected.</summary>
    public async Task<string> StampAsync(Jurisdiction place, CancellationToken cancellationToken)
    {
        var published = BulletinState.Published;
        var rows = await db.Bulletins.AsNoTracking().Where(b => b.JurisdictionCode == place.Code && b.State == published)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(b => b.Version) }).FirstOrDefaultAsync(cancellationToken);
        return rows is null ? "0" : $"{rows.Count}.{rows.Versions}";
    }

    /// <summary>The jurisdiction's published bulletins, latest period first (the latest 200).</summary>
    public async Task<IReadOnlyList<Bulletin>> ListAsync(Jurisdiction place, CancellationToken cancellationToken) =>
        await db.Bulletins.AsNoTracking().Where(b => b.JurisdictionCode == place.Code && b.State == BulletinState.Published)
            .OrderByDescending(b => b.PeriodStart).ThenByDescending(b => b.PeriodEnd).Take(200).ToListAsync(cancellationToken);
}
