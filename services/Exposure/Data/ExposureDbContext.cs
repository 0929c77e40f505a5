using Ducha.Exposure.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Exposure.Data;

/// <summary>The exposure service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
public sealed class ExposureDbContext(DbContextOptions<ExposureDbContext> options) : ServiceDbContext(options)
{
    public DbSet<MediaOutlet> MediaOutlets => Set<MediaOutlet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MediaOutlet>(e =>
        {
            e.ToTable("media_outlets");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(36);
            e.Property(o => o.JurisdictionCode).HasMaxLength(12);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.ColumnName).HasMaxLength(100);
            e.Property(o => o.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(o => o.IdempotencyKey).IsUnique();
            e.HasIndex(o => new { o.JurisdictionCode, o.CreatedAt });
        });
    }
}

public sealed class ExposureDesignTimeFactory : ServiceDesignTimeFactory<ExposureDbContext>;
