using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

/// <summary>The exposure service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
[CompiledSqliteModel("Ducha.Exposure.Data.CompiledModels.ExposureDbContextModel")]
public sealed class ExposureDbContext(DbContextOptions<ExposureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<MediaOutlet> MediaOutlets => Set<MediaOutlet>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<ExposureProblem> Exposures => Set<ExposureProblem>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ScheduleSignal> ScheduleSignals => Set<ScheduleSignal>();
    public DbSet<CaseOpening> CaseOpenings => Set<CaseOpening>();
    public DbSet<AccountabilityReport> AccountabilityReports => Set<AccountabilityReport>();
    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();
}

public sealed class ExposureDesignTimeFactory : ServiceDesignTimeFactory<ExposureDbContext>;
