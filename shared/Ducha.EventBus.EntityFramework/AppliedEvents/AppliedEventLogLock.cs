using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.AppliedEvents;

/// <summary>
/// One change at a time to a database's log-keeping read models, across its subscriptions and replicas, so the log's
/// sequence is the order the changes were committed in and a replay meets the rows exactly as the live handlers did.
/// (Per-subscription turns, <c>InboxLock</c>, are not enough: two topics' handlers may change one row, and on
/// PostgreSQL identity values are handed out at insert, not at commit.) Two parts: the process's turn, taken before the
/// transaction begins (SQLite would otherwise hold its write lock while waiting for it), and the database's, first thing
/// in the transaction (a PostgreSQL advisory lock, released with it). A rebuild holds both, so no event is applied
/// half-way through it; deliveries wait for it instead of failing.
/// </summary>
public sealed class AppliedEventLogLock
{
    // The two-key form, so apart from the outbox's single key; a first key of its own (the bytes of "alog"), so apart
    // from the inbox's per-subscription locks too.
    private const string Lock = "SELECT pg_advisory_xact_lock(1634496359, 0)";

    private readonly ConcurrentDictionary<Type, SemaphoreSlim> _turns = new();

    /// <summary>This process's turn on the read models of <paramref name="contextType"/>; dispose it after the transaction ends.</summary>
    public async Task<IDisposable> EnterAsync(Type contextType, CancellationToken cancellationToken)
    {
        var turn = _turns.GetOrAdd(contextType, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>The database's turn, inside the current transaction: on PostgreSQL waits for the lock; elsewhere nothing (SQLite writes one at a time).</summary>
    public static async Task LockAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsPostgreSql()) await db.Database.ExecuteSqlRawAsync(Lock, cancellationToken);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turn.Release();
        }
    }
}
