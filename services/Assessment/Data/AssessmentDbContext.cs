using Ducha.Assessment.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Assessment.Data;

/// <summary>The assessment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<AssessmentPlan> AssessmentPlans => Set<AssessmentPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AssessmentPlan>(e =>
        {
            e.ToTable("assessment_plans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(36);
            e.Property(p => p.JurisdictionCode).HasMaxLength(12);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(p => p.Programme).HasMaxLength(200);
            e.Property(p => p.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(p => p.IdempotencyKey).IsUnique();
            e.HasIndex(p => new { p.JurisdictionCode, p.Year });
        });
    }
}

public sealed class AssessmentDesignTimeFactory : ServiceDesignTimeFactory<AssessmentDbContext>;
