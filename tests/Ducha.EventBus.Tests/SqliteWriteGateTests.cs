using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Writers on one SQLite file take turns in memory (<see cref="SqliteWriteGate"/>): every writer gets in, and a transaction
/// that ends any way at all — committed, refused by the store, abandoned — hands the turn on.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly SqliteTestFile _file = new("gate");

    private TestDbContext Open() => _file.Open();

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

        await WriteAsync("after-refusal").WaitAsync(SqliteTestFile.Stuck);
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

        await WriteAsync("after-abandon").WaitAsync(SqliteTestFile.Stuck);
        await using var check = Open();
        Assert.False(await check.Tallies.AnyAsync(t => t.Key == "never"));
    }

    [Fact]
    public async Task A_transaction_abandoned_by_a_context_that_lives_on_hands_the_turn_on()
    {
        // A pooled context outlives its transactions, and its connection stays open between them (SqliteServiceConnection).
        await using var lives = Open();
        Assert.False(await lives.Tallies.AnyAsync());
        var transaction = await lives.Database.BeginTransactionAsync();
        lives.Tallies.Add(new Tally { Key = "dropped" });
        await lives.SaveChangesAsync();
        await transaction.DisposeAsync();

        await WriteAsync("after-drop").WaitAsync(SqliteTestFile.Stuck);
        Assert.False(await lives.Tallies.AnyAsync(t => t.Key == "dropped"));
        Assert.True(await lives.Tallies.AnyAsync(t => t.Key == "after-drop"));
    }

    [Fact]
    public async Task A_writer_waits_for_an_open_transaction_and_then_gets_in()
    {
        var (holder, transaction) = await _file.HoldWriteLockAsync();
        await using var _ = holder;

        var waiting = WriteAsync("waiting");
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await transaction.CommitAsync();

        await waiting.WaitAsync(SqliteTestFile.Stuck);
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

    public void Dispose() => _file.Dispose();
}
