using Ducha.Disclosure.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Disclosure.Data;

/// <summary>The disclosure service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<ReceivedCaseCount> ReceivedCaseCounts => Set<ReceivedCaseCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Bulletin>(e =>
        {
            e.ToTable("bulletins");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasMaxLength(36);
            e.Property(b => b.JurisdictionCode).HasMaxLength(12);
            e.Property(b => b.Title).HasMaxLength(200);
            e.Property(b => b.Body).HasMaxLength(20000);
            e.Property(b => b.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(b => b.IdempotencyKey).IsUnique();
            e.HasIndex(b => new { b.JurisdictionCode, b.PublishedAt });
        });
        modelBuilder.Entity<ReceivedCaseCount>(e =>
        {
            e.ToTable("received_case_counts");
            e.HasKey(c => c.JurisdictionCode);
            e.Property(c => c.JurisdictionCode).HasMaxLength(12);
        });
    }
}

public sealed class DisclosureDesignTimeFactory : ServiceDesignTimeFactory<DisclosureDbContext>;
