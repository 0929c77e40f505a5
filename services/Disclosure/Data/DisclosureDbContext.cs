using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

/// <summary>The disclosure service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<ReceivedCaseCount> ReceivedCaseCounts => Set<ReceivedCaseCount>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
}

public sealed class DisclosureDesignTimeFactory : ServiceDesignTimeFactory<DisclosureDbContext>;
