using Ducha.Persistence;
using Ducha.Secondment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Secondment.Data;

public abstract class SecondmentDbContext(DbContextOptions options) : ServiceDbContext(options)
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

/// <summary>The embedded default store.</summary>
public sealed class SqliteSecondmentDbContext(DbContextOptions<SqliteSecondmentDbContext> options) : SecondmentDbContext(options);

/// <summary>The production store.</summary>
public sealed class PostgresSecondmentDbContext(DbContextOptions<PostgresSecondmentDbContext> options) : SecondmentDbContext(options);

public sealed class SqliteSecondmentDesignTimeFactory : SqliteDesignTimeFactory<SqliteSecondmentDbContext>;

public sealed class PostgresSecondmentDesignTimeFactory : PostgresDesignTimeFactory<PostgresSecondmentDbContext>;
