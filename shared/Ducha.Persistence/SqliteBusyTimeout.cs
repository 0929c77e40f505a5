using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ducha.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock. Without a busy timeout, a writer that finds the database locked is retried
/// by Microsoft.Data.Sqlite after fixed 150 ms sleeps, which turns every collision between two requests (or a request and
/// the outbox relay) into a 150–600 ms stall; SQLite's own handler retries within a millisecond or two.
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

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
    }
}
