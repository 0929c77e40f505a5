using Ducha.Cases.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Cases.Data;

public abstract class CasesDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTransition> Transitions => Set<CaseTransition>();
    public DbSet<CaseAssignment> Assignments => Set<CaseAssignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.JurisdictionCode).HasMaxLength(12);
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.Polluter).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.PollutionType).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(c => c.IdempotencyKey).IsUnique();
            e.HasIndex(c => new { c.JurisdictionCode, c.ReceivedAt });
            e.Property(c => c.ReporterSealed).HasMaxLength(2000);
            e.Property(c => c.HolderJurisdictionCode).HasMaxLength(12);
            e.HasIndex(c => c.HolderJurisdictionCode);
        });
        modelBuilder.Entity<CaseAssignment>(e =>
        {
            e.ToTable("case_assignments");
            e.HasKey(a => new { a.CaseId, a.Hop });
            e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
            e.Property(a => a.CaseId).HasMaxLength(36);
            e.Property(a => a.FromJurisdictionCode).HasMaxLength(12);
            e.Property(a => a.ToJurisdictionCode).HasMaxLength(12);
            e.Property(a => a.ReturnReason).HasMaxLength(2000);
            e.Ignore(a => a.IsReturned);
        });
        modelBuilder.Entity<CaseTransition>(e =>
        {
            e.ToTable("case_transitions");
            e.HasKey(t => new { t.CaseId, t.Sequence });
            e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
            e.Property(t => t.CaseId).HasMaxLength(36);
            e.Property(t => t.Action).HasMaxLength(40);
            e.Property(t => t.FromStatus).HasMaxLength(32);
            e.Property(t => t.ToStatus).HasMaxLength(32);
            e.Property(t => t.Actor).HasMaxLength(200);
            e.Property(t => t.ActorRole).HasMaxLength(32);
            e.Property(t => t.ActorJurisdictionCode).HasMaxLength(12);
            e.Property(t => t.ActorLevel).HasMaxLength(16);
            e.Property(t => t.Reason).HasMaxLength(2000);
            e.Property(t => t.PreviousHash).HasMaxLength(64);
            e.Property(t => t.Hash).HasMaxLength(64);
        });
    }
}

/// <summary>The embedded default store.</summary>
public sealed class SqliteCasesDbContext(DbContextOptions<SqliteCasesDbContext> options) : CasesDbContext(options);

/// <summary>The production store.</summary>
public sealed class PostgresCasesDbContext(DbContextOptions<PostgresCasesDbContext> options) : CasesDbContext(options);

public sealed class SqliteCasesDesignTimeFactory : SqliteDesignTimeFactory<SqliteCasesDbContext>;

public sealed class PostgresCasesDesignTimeFactory : PostgresDesignTimeFactory<PostgresCasesDbContext>;
