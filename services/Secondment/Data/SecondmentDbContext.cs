using Ducha.Persistence;
using Ducha.Secondment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Secondment.Data;

/// <summary>The secondment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class SecondmentDbContext(DbContextOptions<SecondmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Cadre> Cadres => Set<Cadre>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Cadre>(e =>
        {
            e.ToTable("cadres");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.JurisdictionCode).HasMaxLength(12);
            e.Property(c => c.Name).HasMaxLength(50);
            e.Property(c => c.HomeUnit).HasMaxLength(200);
            e.Property(c => c.Rank).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(c => c.IdempotencyKey).IsUnique();
            e.HasIndex(c => new { c.JurisdictionCode, c.CreatedAt });
        });
    }
}

public sealed class SecondmentDesignTimeFactory : ServiceDesignTimeFactory<SecondmentDbContext>;
