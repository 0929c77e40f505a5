using Npgsql;

namespace Ducha.Drill.Load;

/// <summary>
/// What PostgreSQL itself commits on this machine, pgbench-style: each caller on its own connection inserts one row of
/// about a kilobyte per transaction (synchronous commit, as the services write), into a database of the drill's own
/// that is dropped afterwards: the database floor of a distributed deployment.
/// </summary>
public static class PostgresFloor
{
    public const string Operation = "PostgreSQL 单行提交（同步提交）";

    public static async Task<LoadResult> RunAsync(string connectionString, int callers, TimeSpan duration, CancellationToken cancellationToken, ProcessCpu? cpu = null)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var database = $"drill_floor_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {database}", cancellationToken);
        try
        {
            var floor = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;
            await ExecuteAsync(floor, "CREATE TABLE rows (id bigserial PRIMARY KEY, body text NOT NULL)", cancellationToken);
            var connections = new NpgsqlConnection[callers];
            for (var i = 0; i < callers; i++)
            {
                connections[i] = new NpgsqlConnection(floor);
                await connections[i].OpenAsync(cancellationToken);
            }
            var body = new string('x', 1000);
            try
            {
                return await Stepper.RunAsync(Operation, callers, duration, async (caller, _) =>
                {
                    await using var insert = new NpgsqlCommand("INSERT INTO rows (body) VALUES ($1)", connections[caller]) { Parameters = { new() { Value = body } } };
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }, cancellationToken, cpu);
            }
            finally
            {
                foreach (var connection in connections) await connection.DisposeAsync();
            }
        }
        finally
        {
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// Rows written (inserted, updated, deleted) per database, from PostgreSQL's own statistics: taken before and after an
/// operation's step, they show the writes one operation causes in every service's database, beside the floor.
/// </summary>
public static class PostgresRowsWritten
{
    public static async Task<Dictionary<string, long>> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Backends report their counts when idle, at most a second late: let the last step's settle first.
        await using var command = new NpgsqlCommand(
            "SELECT pg_sleep(1.1); SELECT datname, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname IS NOT NULL AND datname NOT LIKE 'template%' AND datname NOT LIKE 'drill_floor%'",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) rows[reader.GetString(0)] = reader.GetInt64(1);
        return rows;
    }
}
