using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Writers on one SQLite file take turns in memory (<see cref="SqliteWriteGate"/>): every writer gets in, and a transaction
/// that ends any way at all — committed, refused by the store, abandoned — hands the turn on.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    // Far below the 30 s a lost turn would cost (the gate's patience), far above any honest wait here.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ducha-gate-");
    private readonly DatabaseLocation _location;

    public SqliteWriteGateTests()
    {
        _location = new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "gate.db")};Pooling=True");
        using var db = Open();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    private TestDbContext Open()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        options.UseServiceDatabase(_location);
        return new TestDbContext(options.Options);
    }

    [Fact]
    public async Task Many_writers_at_once_are_all_written()
    {
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await using var db = Open();
            db.Tallies.AddRange(new Tally { Key = $"k{i}", Count = i }, new Tally { Key = $"k{i}-2", Count = i });
            await db.SaveChangesAsync();
        })));

        await using var check = Open();
        Assert.Equal(64, await check.Tallies.CountAsync());
    }

    [Fact]
    public async Task A_write_the_store_refuses_hands_the_turn_on()
    {
        await using (var first = Open())
        {
            first.Tallies.Add(new Tally { Key = "same" });
            await first.SaveChangesAsync();
        }
        await using (var duplicate = Open())
        {
            duplicate.Tallies.AddRange(new Tally { Key = "other" }, new Tally { Key = "same" });
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
        }

        await WriteAsync("after-refusal").WaitAsync(Stuck);
    }

    [Fact]
    public async Task A_transaction_abandoned_without_commit_or_rollback_hands_the_turn_on()
    {
        await using (var abandoned = Open())
        {
            var transaction = await abandoned.Database.BeginTransactionAsync();
            abandoned.Tallies.Add(new Tally { Key = "never" });
            await abandoned.SaveChangesAsync();
            await transaction.DisposeAsync();
        }

        await WriteAsync("after-abandon").WaitAsync(Stuck);
        await using var check = Open();
        Assert.False(await check.Tallies.AnyAsync(t => t.Key == "never"));
    }

    [Fact]
    public async Task A_writer_waits_for_an_open_transaction_and_then_gets_in()
    {
        await using var holder = Open();
        var transaction = await holder.Database.BeginTransactionAsync();
        holder.Tallies.Add(new Tally { Key = "held" });
        await holder.SaveChangesAsync();

        var waiting = WriteAsync("waiting");
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await transaction.CommitAsync();

        await waiting.WaitAsync(Stuck);
        await using var check = Open();
        Assert.Equal(3, await check.Tallies.CountAsync(t => t.Key.StartsWith("held") || t.Key.StartsWith("waiting")));
    }

    // Two rows, so EF writes them in a transaction (a single statement it sends without one).
    private Task WriteAsync(string key) => Task.Run(async () =>
    {
        await using var db = Open();
        db.Tallies.AddRange(new Tally { Key = key }, new Tally { Key = key + "-2" });
        await db.SaveChangesAsync();
    });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(true);
    }
}
