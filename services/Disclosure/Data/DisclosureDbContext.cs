using Ducha.Disclosure.Domain;
using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Data;

/// <summary>The disclosure service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinVersion> BulletinVersions => Set<BulletinVersion>();
    public DbSet<BulletinCadence> BulletinCadences => Set<BulletinCadence>();
    public DbSet<ReceivedCaseCount> ReceivedCaseCounts => Set<ReceivedCaseCount>();
}

public sealed class DisclosureDesignTimeFactory : ServiceDesignTimeFactory<DisclosureDbContext>;
