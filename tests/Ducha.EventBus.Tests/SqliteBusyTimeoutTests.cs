using Ducha.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Every native SQLite connection a service's context uses waits for the write lock itself and syncs each commit
/// (<see cref="SqliteBusyTimeout"/>), though the settings are applied once per native connection, not at every open.
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ducha-pragma-");

    private TestDbContext Open(bool pooling)
    {
        var location = new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "pragma.db")};Pooling={pooling}");
        var options = new DbContextOptionsBuilder<TestDbContext>();
        options.UseServiceDatabase(location);
        return new TestDbContext(options.Options);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_open_connection_waits_for_the_lock_and_syncs_its_commits(bool pooling)
    {
        await using (var create = Open(pooling)) await create.Database.EnsureCreatedAsync();
        for (var open = 0; open < 3; open++)
        {
            await using var db = Open(pooling);
            Assert.Equal((SqliteBusyTimeout.Milliseconds, 2L), await SettingsAsync(db)); // 2: FULL
            if (open == 1) SqliteConnection.ClearAllPools(); // the next open gets a new native connection
        }
    }

    private static async Task<(long BusyTimeout, long Synchronous)> SettingsAsync(TestDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return (await ScalarAsync(db, "PRAGMA busy_timeout"), await ScalarAsync(db, "PRAGMA synchronous"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(TestDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
