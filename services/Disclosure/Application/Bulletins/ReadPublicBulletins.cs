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
        var rows = (await db.Bulletins.AsNoTracking().Where(b => b.JurisdictionCode == place.Code && b.State == published)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(b => b.Version) }).ToListAsync(cancellationToken)) is [var only] ? only : null;
        return rows is null ? "0" : $"{rows.Count}.{rows.Versions}";
    }

    /// <summary>
    /// The jurisdiction's published bulletins, latest period first (the latest <paramref name="count"/>), each with when
    /// its versions were published and why — not their content, which the bulletin's own row holds for the latest.
    /// </summary>
    public async Task<IReadOnlyList<PublishedBulletin>> ListAsync(Jurisdiction place, CancellationToken cancellationToken, int count = 200)
    {
        var bulletins = await db.Bulletins.AsNoTracking().Where(b => b.JurisdictionCode == place.Code && b.State == BulletinState.Published)
            .OrderByDescending(b => b.PeriodStart).ThenByDescending(b => b.PeriodEnd).Take(count).ToListAsync(cancellationToken);
        var versions = new List<BulletinVersionStamp>();
        foreach (var slice in bulletins.Select(b => b.Id).Chunk(500))
            versions.AddRange(await db.BulletinVersions.AsNoTracking().Where(v => slice.Contains(v.BulletinId))
                .Select(v => new BulletinVersionStamp(v.BulletinId, v.Number, v.PublishedAt, v.Reason)).ToListAsync(cancellationToken));
        var byBulletin = versions.ToLookup(v => v.BulletinId);
        return [.. bulletins.Select(b => new PublishedBulletin(b, [.. byBulletin[b.Id].OrderBy(v => v.Number)]))];
    }
}

/// <summary>When a bulletin's version was published, and why when it is a correction.</summary>
public sealed record BulletinVersionStamp(string BulletinId, int Number, DateTimeOffset PublishedAt, string? Reason);

/// <summary>A published bulletin with its versions' stamps, oldest first.</summary>
public sealed record PublishedBulletin(Bulletin Bulletin, IReadOnlyList<BulletinVersionStamp> Versions)
{
    public DateTimeOffset PublishedAt => Versions.Count > 0 ? Versions[0].PublishedAt : Bulletin.PublishedAt ?? Bulletin.DraftedAt;
    public DateTimeOffset UpdatedAt => Versions.Count > 0 ? Versions[^1].PublishedAt : PublishedAt;
}
