using Ducha.Assessment.Domain.Facts;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Assessment.Data;

/// <summary>The assessment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<AssessedCase> AssessedCases => Set<AssessedCase>();
    public DbSet<DeductionFact> DeductionFacts => Set<DeductionFact>();

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
