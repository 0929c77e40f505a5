using Ducha.Exposure.Domain;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Exposure.Data;

public abstract class ExposureDbContext(DbContextOptions options) : ServiceDbContext(options)
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

/// <summary>The embedded default store.</summary>
public sealed class SqliteExposureDbContext(DbContextOptions<SqliteExposureDbContext> options) : ExposureDbContext(options);

/// <summary>The production store.</summary>
public sealed class PostgresExposureDbContext(DbContextOptions<PostgresExposureDbContext> options) : ExposureDbContext(options);

public sealed class SqliteExposureDesignTimeFactory : SqliteDesignTimeFactory<SqliteExposureDbContext>;

public sealed class PostgresExposureDesignTimeFactory : PostgresDesignTimeFactory<PostgresExposureDbContext>;
