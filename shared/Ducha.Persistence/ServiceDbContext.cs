using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ducha.Persistence;

/// <summary>
/// Base of every service's database: its own tables plus the outbox and inbox. A service derives one context, registered
/// with <see cref="DatabaseRegistration.AddServiceDatabase{TContext}"/>; its SQLite and PostgreSQL migrations live side by
/// side under <c>Data/Migrations/Sqlite</c> and <c>Data/Migrations/Postgres</c> (<see cref="ProviderMigrationsAssembly"/>).
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddEventBusTables();
        // Each table's mapping is an IEntityTypeConfiguration beside the context, in the service's own assembly.
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
        base.OnModelCreating(modelBuilder);
    }

    /// <summary>
    /// Saves with the rows its owner appends (<see cref="PendingAppends"/>): the batch executor writes them inside the
    /// save's transaction after EF's statements; a save with nothing of EF's to write (EF calls no executor then) commits
    /// them in a transaction of their own after it. Either way they are gone after the save, whatever its outcome.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (PendingAppends.Of(this) is not { IsEmpty: false } appends) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (appends.Written) return saved;
            // Asking EF beforehand whether it has changes would compare every tracked row once more (a batch of a thousand cases).
            if (saved > 0) throw new InvalidOperationException("A save wrote its changes without the rows appended to it.");
            await WriteAloneAsync(cancellationToken);
            return saved;
        }
        finally
        {
            appends.Clear();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => PendingAppends.Of(this) is { IsEmpty: false }
        ? throw new InvalidOperationException("Appended rows are saved by SaveChangesAsync only.")
        : base.SaveChanges(acceptAllChangesOnSuccess);

    /// <summary>
    /// The executor's own writing, with no statements of EF's before it; under the retrying strategy unless the caller's
    /// transaction already holds it (a strategy may not begin inside one).
    /// </summary>
    private Task<int> WriteAloneAsync(CancellationToken cancellationToken)
    {
        var connection = this.GetService<IRelationalConnection>();
        Task<int> Write(CancellationToken ct) => AppendingBatchExecutor.WithAppendsAsync(this, connection, () => Task.FromResult(0), ct);
        return Database.CurrentTransaction is null ? Database.CreateExecutionStrategy().ExecuteAsync(Write, cancellationToken) : Write(cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreTimestampsAsUtc(Database);
        base.ConfigureConventions(configurationBuilder);
    }
}

public static class StoredTimestamps
{
    /// <summary>How every Ducha store keeps a <see cref="DateTimeOffset"/>, so that it compares and orders in SQL.</summary>
    public static void StoreTimestampsAsUtc(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        // SQLite cannot compare or order DateTimeOffset text; UTC ticks keep date-range queries in SQL at full precision.
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // Npgsql writes timestamptz only from UTC values; Beijing-time moments (08:00 deliveries) are stored as the same instant in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<ToUtcConverter>();
        }
    }
}

/// <summary>Stores a timestamp as its UTC ticks; every Ducha timestamp is UTC, so no offset is lost.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>The same instant with offset zero, whatever offset the domain computed it in.</summary>
public sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
