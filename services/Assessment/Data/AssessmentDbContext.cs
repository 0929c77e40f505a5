using Ducha.Assessment.Domain.DutyReports;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Measurements;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Seconded;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Assessment.Domain.Vetoes;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Assessment.Data;

/// <summary>The assessment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
[CompiledSqliteModel("Ducha.Assessment.Data.CompiledModels.AssessmentDbContextModel")]
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<AssessedCase> AssessedCases => Set<AssessedCase>();
    public DbSet<DeductionFact> DeductionFacts => Set<DeductionFact>();

    // Schemes and measured values.
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<Measurement> Measurements => Set<Measurement>();

    // Score sheets: vetoes, duty reports and frozen results.
    public DbSet<Veto> Vetoes => Set<Veto>();
    public DbSet<DutyReport> DutyReports => Set<DutyReport>();
    public DbSet<FrozenResults> FrozenResults => Set<FrozenResults>();
    public DbSet<FrozenSheet> FrozenSheets => Set<FrozenSheet>();

    // 单列: seconded cadres' lines, as Secondment grades them.
    public DbSet<SecondedCadreResult> SecondedCadreResults => Set<SecondedCadreResult>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // --- facts (deductions and case figures) ---
        // Cases' and Exposure's events are kept as they were applied (applied_events), so the facts can be rebuilt from this database alone.
        modelBuilder.AddAppliedEventLog();
        // --- end facts ---
    }
}

public sealed class AssessmentDesignTimeFactory : ServiceDesignTimeFactory<AssessmentDbContext>;
