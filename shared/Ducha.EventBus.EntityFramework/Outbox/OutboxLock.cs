using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ducha.EventBus.EntityFramework.Outbox;

/// <summary>
/// One relay at a time per database. Replicas of a service share its outbox; without this each would publish every
/// pending row (the inbox keeps that harmless, but the broker and consumers carry every event twice or more, and a
/// backlog drains at the pace of the slowest). A relay that finds the lock taken waits for it rather than skipping, so a
/// row its own replica just committed goes out as soon as the holder's pass ends, not at the next poll.
/// </summary>
internal static class OutboxLock
{
    // Any fixed number: PostgreSQL scopes advisory locks to the database, so each service's outbox has its own.
    private const string Lock = "SELECT pg_advisory_xact_lock(7238801276029333346)"; // the bytes of "ducha_ob"

    /// <summary>
    /// On PostgreSQL a transaction holding the lock until it ends (a relay that dies releases it with its connection);
    /// null elsewhere: a SQLite file has a single process writing it.
    /// </summary>
    public static async Task<IDbContextTransaction?> AcquireAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsPostgreSql()) return null;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(Lock, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
