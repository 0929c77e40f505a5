using Ducha.Assessment.Domain.Facts;

namespace Ducha.Assessment.Data;

/// <summary>The assessment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<AssessedCase> AssessedCases => Set<AssessedCase>();
    public DbSet<DeductionFact> DeductionFacts => Set<DeductionFact>();
}

public sealed class AssessmentDesignTimeFactory : ServiceDesignTimeFactory<AssessmentDbContext>;
