using Ducha.Assessment.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Assessment.Data;

public abstract class AssessmentDbContext(DbContextOptions options) : ServiceDbContext(options)
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

/// <summary>The embedded default store.</summary>
public sealed class SqliteAssessmentDbContext(DbContextOptions<SqliteAssessmentDbContext> options) : AssessmentDbContext(options);

/// <summary>The production store.</summary>
public sealed class PostgresAssessmentDbContext(DbContextOptions<PostgresAssessmentDbContext> options) : AssessmentDbContext(options);

public sealed class SqliteAssessmentDesignTimeFactory : SqliteDesignTimeFactory<SqliteAssessmentDbContext>;

public sealed class PostgresAssessmentDesignTimeFactory : PostgresDesignTimeFactory<PostgresAssessmentDbContext>;
