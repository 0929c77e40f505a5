using Microsoft.Data.Sqlite;

namespace Ducha.Drill.Load;

/// <summary>
/// What SQLite itself commits on this machine, the way the standalone host writes (WAL, synchronous=FULL, one row of
/// about a kilobyte per transaction), from the same number of callers, in a file of its own: the database floor.
/// </summary>
public static class SqliteFloor
{
    public const string Operation = "SQLite 单行提交（WAL，FULL）";

    public static async Task<LoadResult> RunAsync(int callers, TimeSpan duration, CancellationToken cancellationToken, ProcessCpu? cpu = null)
    {
        var folder = Directory.CreateTempSubdirectory("ducha-floor-");
        var file = Path.Combine(folder.FullName, "floor.db");
        try
        {
            await using (var setup = Open(file))
            {
                await using var create = setup.CreateCommand();
                create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var body = new string('x', 1000);
            var connections = Enumerable.Range(0, callers).Select(_ => Open(file)).ToArray();
            var gate = new SemaphoreSlim(1, 1);
            var result = await Stepper.RunAsync(Operation, callers, duration, async (caller, _) =>
            {
                // One writer at a time, as SQLite allows: waiting in line costs less than its busy handler's sleeps.
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await using var insert = connections[caller].CreateCommand();
                    insert.CommandText = "INSERT INTO rows (body) VALUES ($body)";
                    insert.Parameters.AddWithValue("$body", body);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                finally { gate.Release(); }
            }, cancellationToken, cpu);
            foreach (var c in connections) await c.DisposeAsync();
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(true); } catch (IOException) { }
        }
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
