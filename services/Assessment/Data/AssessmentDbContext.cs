using Ducha.Assessment.Domain;

namespace Ducha.Assessment.Data;

/// <summary>The assessment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<AssessmentPlan> AssessmentPlans => Set<AssessmentPlan>();
}

public sealed class AssessmentDesignTimeFactory : ServiceDesignTimeFactory<AssessmentDbContext>;
