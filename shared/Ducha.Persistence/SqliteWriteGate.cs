using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ducha.Persistence;

/// <summary>
/// Queues this process's transactions on one SQLite file in memory, so they take the file's single write lock in turn.
/// SQLite lets one writer in at a time; every other <c>BEGIN IMMEDIATE</c> sleeps in SQLite's busy handler (1, 2, 5, 10 …
/// 100 ms steps, holding a thread-pool thread) and often wakes well after the lock was free again. In a trace of 8 callers
/// filing complaints, a quarter of all thread time sat in that <c>BEGIN</c>, and the thread pool added threads that spun
/// for work. Waiting here costs no thread and hands the lock on the moment it is free, first come first served. Only
/// transactions queue; since saves are committed in groups (<see cref="SqliteGroupCommit"/>), an asynchronous
/// <c>SaveChanges</c> writes inside one even when it has a single statement. The busy timeout stays as the guard against
/// other processes (a second host, <c>dotnet ef</c>): a turn not granted within it is given up and the transaction goes to SQLite as before, so nothing waits here forever.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);
    // The turn a connection holds, from its BEGIN to its COMMIT or ROLLBACK (or, whatever happened, its closing).
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(SqliteBusyTimeout.Milliseconds);

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        var file = FileOf(connection);
        if (file.Wait(Patience)) Hold(connection, file);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var file = FileOf(connection);
        if (await file.WaitAsync(Patience, cancellationToken)) Hold(connection, file);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context?.Database.GetDbConnection());

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context?.Database.GetDbConnection());

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    // A transaction disposed without COMMIT or ROLLBACK (an exception, a failed BEGIN) ends when its connection closes; a
    // service store's connection stays open, and gives the turn back as EF lets go of the transaction (SqliteServiceConnection).
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim FileOf(DbConnection connection) => Files.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private static void Hold(DbConnection connection, SemaphoreSlim file)
    {
        // A connection that somehow still holds a turn gives it back first, so no turn is ever lost.
        Release(connection);
        Held.Add(connection, file);
    }

    /// <summary>Gives back the turn <paramref name="connection"/> holds, if any: its transaction has ended without COMMIT or ROLLBACK.</summary>
    internal static void ReleaseTurn(DbConnection connection) => Release(connection);

    private static void Release(DbConnection? connection)
    {
        if (connection is not null && Held.TryGetValue(connection, out var file) && Held.Remove(connection)) file.Release();
    }
}
