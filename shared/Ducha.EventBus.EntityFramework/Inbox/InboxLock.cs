using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// One event at a time per subscription, across replicas. Each process applies a subscription's deliveries one after
/// another, and handlers are written for that: they read a row, change it and save it. Two replicas consuming one queue
/// would run two such transactions at once, and PostgreSQL (read committed) lets the second overwrite the first's
/// change; a count would silently lose events. The lock is taken first in the inbox transaction and released with it.
/// </summary>
internal static class InboxLock
{
    // The two-key form: its key space is apart from the outbox's single 64-bit key.
    private const string Lock = "SELECT pg_advisory_xact_lock(1768841848, hashtext({0}))"; // 1768841848: the bytes of "inbx"

    /// <summary>On PostgreSQL waits for the subscription's lock inside the current transaction; elsewhere nothing (SQLite writes one at a time).</summary>
    public static async Task AcquireAsync(DbContext db, EventSubscription subscription, CancellationToken cancellationToken)
    {
        if (!db.Database.IsPostgreSql()) return;
        await db.Database.ExecuteSqlRawAsync(Lock, [subscription.Consumer], cancellationToken);
    }
}
