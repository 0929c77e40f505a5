using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ducha.Persistence;

/// <summary>
/// One process at a time migrates a PostgreSQL database. EF's own lock on PostgreSQL lasts one migration's transaction:
/// replicas starting together on a fresh database (two cases replicas under the AppHost, a rollout) each read the
/// applied migrations once, so one took the lock between the other's first and second migration, applied the second
/// too, and the later of the two stopped at start-up on "column … already exists". This lock is the session's, held
/// across the whole <c>Migrate</c>, which then reads what is applied only once the lock is its own; it is released
/// when the migration ends, or with the session if the process dies.
/// </summary>
internal static class MigrationLock
{
    private const long Key = 7238801276029332839; // the bytes of "ducha_mg"
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task HoldingAsync(DbContext db, Func<Task> migrate, CancellationToken cancellationToken)
    {
        if (!db.Database.IsPostgreSql())
        {
            await migrate();
            return;
        }
        await EnsureDatabaseAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await WaitForLockAsync(db, cancellationToken);
            try
            {
                await migrate();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Another replica's migrations may take longer than a query may: the wait is bounded by Patience instead.
    private static async Task WaitForLockAsync(DbContext db, CancellationToken cancellationToken)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(Patience);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    // The lock needs the database; EF would create it inside Migrate. Two replicas may both find it missing.
    private static async Task EnsureDatabaseAsync(DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
