using Ducha.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Ducha.EventBus.Tests;

/// <summary>
/// A service store's SQLite connection keeps its statements compiled (<see cref="StatementCachingSqliteConnection"/>):
/// the same query runs again on the statement SQLite compiled the first time, with the new values, and nothing a caller
/// can see changes — transactions, readers, parameters, closing.
/// </summary>
public sealed class StatementCacheTests : IDisposable
{
    private readonly SqliteTestFile _file = new("statements");
    private readonly DbContextOptions<TestDbContext> _options;

    public StatementCacheTests()
    {
        // Listing first: a native connection lists the statements compiled on it from its opening on, the store's own
        // settings (SqliteBusyTimeout) included.
        var options = new DbContextOptionsBuilder<TestDbContext>().AddInterceptors(new ListedStatements());
        _options = (DbContextOptions<TestDbContext>)options.UseServiceDatabase(new DatabaseLocation(DatabaseProvider.Sqlite, _file.ConnectionString)).Options;
    }

    /// <summary>A service store's context whose native connections list their statements (SQLitePCL keeps no list unless asked).</summary>
    private TestDbContext Open() => new(_options);

    private sealed class ListedStatements : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
            Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ((SqliteConnection)connection).Handle!.enable_sqlite3_next_stmt(true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_query_run_again_reuses_its_compiled_statement_with_the_new_values()
    {
        await using var db = Open();
        db.Tallies.AddRange(new Tally { Key = "a", Count = 1 }, new Tally { Key = "b", Count = 2 });
        await db.SaveChangesAsync();

        Assert.Equal(1, await CountOfAsync(db, "a"));
        var compiled = Statements(db);
        Assert.Equal(2, await CountOfAsync(db, "b"));

        Assert.NotEmpty(compiled);
        Assert.Equal(compiled, Statements(db));
        Assert.Null(await db.Tallies.AsNoTracking().Where(t => t.Key == "c").Select(t => (int?)t.Count).FirstOrDefaultAsync());
    }

    [Fact]
    public async Task A_statement_used_in_a_transaction_runs_outside_it_afterwards()
    {
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Tallies.Add(new Tally { Key = "in", Count = 5 });
            await db.SaveChangesAsync();
            Assert.Equal(5, await CountOfAsync(db, "in"));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await CountOfAsync(db, "in"));
        db.Tallies.Add(new Tally { Key = "out", Count = 6 });
        await db.SaveChangesAsync();
        await using var other = Open();
        Assert.Equal(6, await CountOfAsync(other, "out"));
    }

    [Fact]
    public async Task A_command_disposed_with_its_reader_open_leaves_the_next_one_whole()
    {
        await using var db = Open();
        db.Tallies.AddRange(new Tally { Key = "x" }, new Tally { Key = "y" }, new Tally { Key = "z" });
        await db.SaveChangesAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        var first = connection.CreateCommand();
        first.CommandText = "SELECT \"Key\" FROM tallies ORDER BY \"Key\"";
        var open = await first.ExecuteReaderAsync();
        Assert.True(await open.ReadAsync());
        await first.DisposeAsync();
        Assert.True(open.IsClosed);

        await using var second = connection.CreateCommand();
        second.CommandText = "SELECT \"Key\" FROM tallies ORDER BY \"Key\"";
        await using var reader = await second.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.Equal(["x", "y", "z"], keys);
    }

    [Fact]
    public async Task Parameters_added_before_the_text_are_bound()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            var key = insert.CreateParameter();
            (key.ParameterName, key.Value) = ("@key", $"pk{i}");
            insert.Parameters.Add(key);
            insert.CommandText = "INSERT INTO tallies (\"Key\", \"Count\", \"Last\") VALUES (@key, 7, 0)";
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        Assert.Equal(21, await db.Tallies.Where(t => t.Key.StartsWith("pk")).SumAsync(t => t.Count));
    }

    [Fact]
    public async Task A_connection_keeps_no_more_statements_than_its_capacity()
    {
        await using var db = Open();
        for (var i = 0; i < StatementCachingSqliteConnection.Capacity + 40; i++)
        {
            // A different text each time: the same query with another constant.
            var sql = "SELECT " + i + " FROM tallies WHERE \"Key\" = {0}";
            await db.Database.ExecuteSqlRawAsync(sql, $"k{i}");
        }

        Assert.InRange(Statements(db).Count, StatementCachingSqliteConnection.Capacity / 2, StatementCachingSqliteConnection.Capacity);
    }

    [Fact]
    public async Task Closing_the_connection_finalizes_its_statements()
    {
        await using var db = Open();
        await CountOfAsync(db, "a");
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var native = connection.Handle!;
        Assert.NotEmpty(Statements(native));

        await connection.CloseAsync();

        // The native connection went back to Microsoft.Data.Sqlite's pool, holding nothing compiled for the next owner.
        Assert.Empty(Statements(native));
        Assert.Equal(0, await CountOfAsync(db, "a"));
    }

    [Fact]
    public async Task A_pooled_context_keeps_its_connection_open_between_leases()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        options.UseServiceDatabase(new DatabaseLocation(DatabaseProvider.Sqlite, _file.ConnectionString));
        var factory = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<TestDbContext>(options.Options);
        SqliteConnection connection;
        await using (var first = await factory.CreateDbContextAsync())
        {
            first.Tallies.Add(new Tally { Key = "lease", Count = 3 });
            await first.SaveChangesAsync();
            // The save went to the store's writer (CommitGroup); a query opens the lease's own connection.
            Assert.Equal(3, await CountOfAsync(first, "lease"));
            connection = (SqliteConnection)first.Database.GetDbConnection();
        }

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        await using var second = await factory.CreateDbContextAsync();
        Assert.Same(connection, second.Database.GetDbConnection());
        Assert.Equal(3, await CountOfAsync(second, "lease"));
        await CommitGroup.ReleaseAsync(options.Options);
    }

    private static Task<int> CountOfAsync(TestDbContext db, string key) =>
        db.Tallies.AsNoTracking().Where(t => t.Key == key).Select(t => t.Count).FirstOrDefaultAsync();

    private static List<IntPtr> Statements(TestDbContext db) => Statements(((SqliteConnection)db.Database.GetDbConnection()).Handle!);

    /// <summary>The statements compiled on a native connection, as SQLite lists them.</summary>
    private static List<IntPtr> Statements(sqlite3 native)
    {
        var found = new List<IntPtr>();
        for (var statement = raw.sqlite3_next_stmt(native, null); statement is not null && !statement.IsInvalid; statement = raw.sqlite3_next_stmt(native, statement))
            found.Add(statement.DangerousGetHandle());
        return found;
    }

    public void Dispose()
    {
        CommitGroup.ReleaseAsync(_options).GetAwaiter().GetResult();
        _file.Dispose();
    }
}
