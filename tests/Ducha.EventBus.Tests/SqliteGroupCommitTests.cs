using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ducha.EventBus.EntityFramework;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Saves that meet at one SQLite file's write lock commit together (<see cref="SqliteGroupCommit"/>): each caller hears
/// back only once its rows are committed, and a save the store refuses fails alone, leaving nothing of itself behind.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly SqliteTestFile _file = new("group");
    private readonly ConcurrentBag<int> _groups = [];
    private readonly MeterListener _listener = new();

    public SqliteGroupCommitTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "ducha.db.commit_group.saves") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) => _groups.Add(size));
        _listener.Start();
    }

    private TestDbContext Open() => _file.Open();

    [Fact]
    public async Task Saves_queued_behind_a_transaction_commit_together_and_each_caller_sees_its_rows()
    {
        var saves = await QueueBehindTransactionAsync(Enumerable.Range(0, 12).Select(i => new[] { $"k{i}", $"k{i}-2" }).ToArray());

        foreach (var save in saves) await save.WaitAsync(SqliteTestFile.Stuck);
        await using var check = Open();
        Assert.Equal(25, await check.Tallies.CountAsync());
        // The first save led: it waited for the lock, then took the eleven queued behind it into its group.
        Assert.Contains(_groups, size => size == 12);
    }

    [Fact]
    public async Task A_save_the_store_refuses_fails_alone_and_leaves_none_of_its_rows()
    {
        await using (var first = Open())
        {
            first.Tallies.Add(new Tally { Key = "same" });
            await first.SaveChangesAsync();
        }

        var saves = await QueueBehindTransactionAsync([["a"], ["b", "b-2"], ["dup-other", "same"], ["c"], ["d", "d-2"]]);

        await Assert.ThrowsAsync<DbUpdateException>(() => saves[2].WaitAsync(SqliteTestFile.Stuck));
        foreach (var save in saves.Where((_, i) => i != 2)) await save.WaitAsync(SqliteTestFile.Stuck);
        await using var check = Open();
        var keys = await check.Tallies.Select(t => t.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["a", "b", "b-2", "c", "d", "d-2", "held", "same"], keys);
        Assert.Contains(_groups, size => size == 5);
    }

    [Fact]
    public async Task A_saves_appended_rows_commit_within_its_savepoint_and_a_refused_one_takes_down_only_its_own_save()
    {
        await using (var first = Open())
        {
            first.Tallies.Add(new Tally { Key = "same" });
            await first.SaveChangesAsync();
        }

        var saves = await QueueBehindTransactionAsync([["a", "+a-appended"], ["b", "+same"], ["c", "+c-appended"]]);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => saves[1].WaitAsync(SqliteTestFile.Stuck));
        Assert.True(refused.IsConflict());
        foreach (var save in saves.Where((_, i) => i != 1)) await save.WaitAsync(SqliteTestFile.Stuck);
        await using var check = Open();
        var keys = await check.Tallies.Select(t => t.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["a", "a-appended", "c", "c-appended", "held", "same"], keys);
        Assert.Contains(_groups, size => size == 3);
    }

    [Fact]
    public async Task A_save_cancelled_while_queued_is_not_written_and_the_others_are()
    {
        var (holder, transaction) = await _file.HoldWriteLockAsync();
        await using var _ = holder;
        using var cancel = new CancellationTokenSource();
        var saves = await LineUpAsync((["lead"], CancellationToken.None), (["cancelled"], cancel.Token), (["kept"], CancellationToken.None));
        var (leader, cancelled, kept) = (saves[0], saves[1], saves[2]);
        cancel.Cancel();
        await transaction.CommitAsync();

        await leader.WaitAsync(SqliteTestFile.Stuck);
        await kept.WaitAsync(SqliteTestFile.Stuck);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(SqliteTestFile.Stuck));
        await using var check = Open();
        Assert.False(await check.Tallies.AnyAsync(t => t.Key == "cancelled"));
        Assert.True(await check.Tallies.AnyAsync(t => t.Key == "kept"));
    }

    [Fact]
    public async Task A_save_inside_its_own_transaction_is_rolled_back_with_it()
    {
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Tallies.Add(new Tally { Key = "inside" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = Open();
        Assert.False(await check.Tallies.AnyAsync(t => t.Key == "inside"));
    }

    [Fact]
    public async Task A_released_store_keeps_no_connection_on_its_file_and_a_save_that_still_comes_commits()
    {
        await SaveAsync(["before"], CancellationToken.None);

        await _file.ReleaseWriterAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // SQLite folds its log into the file and removes it as the last connection to the file closes.
        Assert.False(File.Exists(_file.WalPath), "a connection stayed open on the released store");

        await SaveAsync(["late"], CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(_file.WalPath), "the late save's writer stayed open");
        await using var check = Open();
        Assert.Equal(["before", "late"], await check.Tallies.Select(t => t.Key).OrderBy(k => k).ToListAsync());
    }

    /// <summary>
    /// Holds the write lock with an open transaction, lines up one save per key set behind it (<see cref="LineUpAsync"/>),
    /// then commits, so the queued saves meet in one group.
    /// </summary>
    private async Task<Task[]> QueueBehindTransactionAsync(string[][] keySets)
    {
        var (holder, transaction) = await _file.HoldWriteLockAsync();
        await using var _ = holder;
        var saves = await LineUpAsync([.. keySets.Select(keys => (keys, CancellationToken.None))]);
        Assert.All(saves, save => Assert.False(save.IsCompleted));
        await transaction.CommitAsync();
        return saves;
    }

    /// <summary>
    /// Starts the first save and waits until it leads a group and waits at the held write lock, then starts the others
    /// and waits until all of them are queued behind it: on a busy machine a started save may take a while to arrive.
    /// </summary>
    private async Task<Task[]> LineUpAsync(params (string[] Keys, CancellationToken Token)[] saves)
    {
        var group = _file.Group;
        var started = new Task[saves.Length];
        started[0] = SaveAsync(saves[0].Keys, saves[0].Token);
        await UntilAsync(() => group.Leading && group.Queued == 0);
        for (var i = 1; i < saves.Length; i++) started[i] = SaveAsync(saves[i].Keys, saves[i].Token);
        await UntilAsync(() => group.Queued == saves.Length - 1);
        return started;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + SqliteTestFile.Stuck;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the saves never lined up behind the held write lock");
            await Task.Delay(10);
        }
    }

    /// <summary>Saves a tracked row per key; a key marked with a leading <c>+</c> goes to the save as an appended row instead.</summary>
    private Task SaveAsync(string[] keys, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var db = Open();
        var appends = PendingAppends.Attach(db);
        foreach (var key in keys)
        {
            if (key.StartsWith('+')) appends.Add(new Tally { Key = key[1..] });
            else db.Tallies.Add(new Tally { Key = key });
        }
        await db.SaveChangesAsync(cancellationToken);
    }, CancellationToken.None);

    public void Dispose()
    {
        _listener.Dispose();
        _file.Dispose();
    }
}
