using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ducha.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock. Without a busy timeout, a writer that finds the database locked is retried
/// by Microsoft.Data.Sqlite after fixed 150 ms sleeps, which turns every collision between two requests (or a request and
/// the outbox relay) into a 150–600 ms stall; SQLite's own handler retries within a millisecond or two. Within this process
/// writers queue in <see cref="SqliteWriteGate"/> instead, so the timeout is for other processes on the same file.
/// <para>
/// Also spells out <c>synchronous = FULL</c>: in WAL mode every commit is synced to disk before the caller hears of it,
/// so an answered request survives a killed process and a lost machine alike. <c>NORMAL</c> would survive a killed
/// process too (the committed WAL frames are in the operating system's cache) but lose the last commits on power loss;
/// measured on this project's machine it bought no throughput (a sync costs about 0.4 ms, a CreateCase's CPU about 7 ms),
/// so the stronger promise is kept.
/// </para>
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // The native connections already set: Microsoft.Data.Sqlite's pool hands the same native connection to many opens, and
    // the settings stay on it, so each is set once rather than parsed and run again at every open (every query of EF's).
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private static void Apply(DbConnection connection)
    {
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && Applied.TryGetValue(native, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds}; PRAGMA synchronous = FULL;";
        command.ExecuteNonQuery();
        if (native is not null) Applied.AddOrUpdate(native, native);
    }
}
