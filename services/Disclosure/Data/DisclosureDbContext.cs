using Ducha.Disclosure.Domain;
using Ducha.Disclosure.Domain.AssessmentResults;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Disclosure.Data;

/// <summary>
/// The disclosure service's tables, with the outbox and inbox of ServiceDbContext, on either provider. The read models
/// (disclosed_*) are built from events and from facts fetched from cases; both are kept as they were applied
/// (applied_events, fetched_case_facts), so the read models can be rebuilt from this database alone.
/// </summary>
[CompiledSqliteModel("Ducha.Disclosure.Data.CompiledModels.DisclosureDbContextModel")]
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinVersion> BulletinVersions => Set<BulletinVersion>();
    public DbSet<BulletinCadence> BulletinCadences => Set<BulletinCadence>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<DisclosedCase> Cases => Set<DisclosedCase>();
    public DbSet<DisclosedCaseFacts> Facts => Set<DisclosedCaseFacts>();
    public DbSet<AccountabilityTally> Accountability => Set<AccountabilityTally>();
    public DbSet<DisclosedExposure> Exposures => Set<DisclosedExposure>();
    public DbSet<TypicalCaseMark> TypicalMarks => Set<TypicalCaseMark>();
    public DbSet<FetchedCaseFacts> FetchedFacts => Set<FetchedCaseFacts>();
    public DbSet<PublishedAssessmentResults> AssessmentResults => Set<PublishedAssessmentResults>();
    // ——— 双随机一公开 draws ———
    public DbSet<Ducha.Disclosure.Domain.Draws.PublishedDraw> Draws => Set<Ducha.Disclosure.Domain.Draws.PublishedDraw>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddAppliedEventLog();
    }
}

public sealed class DisclosureDesignTimeFactory : ServiceDesignTimeFactory<DisclosureDbContext>;
