using Ducha.EventBus.EntityFramework;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Rows handed to a context's next save past its change tracker (<see cref="PendingAppends"/>) commit with that save or
/// not at all, and never outlive it: a unit of work that failed must not leave rows for the next one to write.
/// </summary>
public sealed class PendingAppendsTests : IDisposable
{
    private readonly SqliteTestFile _file = new("appends");

    [Fact]
    public async Task Appended_rows_commit_with_the_saves_own_changes()
    {
        await using var db = _file.Open();
        var appends = PendingAppends.Attach(db);
        db.Tallies.Add(new Tally { Key = "tracked", Count = 1 });
        appends.Add(new Tally { Key = "appended", Count = 7 });

        await db.SaveChangesAsync();

        Assert.True(appends.IsEmpty);
        Assert.Equal([("appended", 7), ("tracked", 1)], await StoredAsync());
        // Not tracked: the context knows only the row it saved itself.
        Assert.Single(db.ChangeTracker.Entries<Tally>());
    }

    [Fact]
    public async Task Rows_appended_with_nothing_else_to_save_commit_on_their_own()
    {
        await using var db = _file.Open();
        var appends = PendingAppends.Attach(db);
        appends.Add(new Tally { Key = "alone" });

        await db.SaveChangesAsync();

        Assert.Equal([("alone", 0)], await StoredAsync());
    }

    [Fact]
    public async Task A_save_the_store_refuses_writes_none_of_its_appended_rows_and_forgets_them()
    {
        await SeedAsync("taken");
        await using var db = _file.Open();
        var appends = PendingAppends.Attach(db);
        db.Tallies.Add(new Tally { Key = "new" });
        appends.Add(new Tally { Key = "taken" });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(refused.IsConflict(), "a key another writer took is a conflict, as when EF writes the row");
        Assert.Equal([("taken", 0)], await StoredAsync());
        // The unit of work starts again from the stored state; the refused rows are not carried into the next save.
        db.ChangeTracker.Clear();
        db.Tallies.Add(new Tally { Key = "retried" });
        await db.SaveChangesAsync();
        Assert.Equal([("retried", 0), ("taken", 0)], await StoredAsync());
    }

    [Fact]
    public async Task Inside_the_callers_transaction_appended_rows_roll_back_with_it()
    {
        await using var db = _file.Open();
        var appends = PendingAppends.Attach(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Tallies.Add(new Tally { Key = "tracked" });
            appends.Add(new Tally { Key = "appended" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Rows_of_an_owner_that_has_let_go_of_the_context_are_never_written()
    {
        await using var db = _file.Open();
        var appends = PendingAppends.Attach(db);
        appends.Add(new Tally { Key = "abandoned" });
        appends.Detach(db);

        db.Tallies.Add(new Tally { Key = "next" });
        await db.SaveChangesAsync();

        Assert.Null(PendingAppends.Of(db));
        Assert.Equal([("next", 0)], await StoredAsync());
    }

    private async Task SeedAsync(string key)
    {
        await using var db = _file.Open();
        db.Tallies.Add(new Tally { Key = key });
        await db.SaveChangesAsync();
    }

    private async Task<List<(string, int)>> StoredAsync()
    {
        await using var check = _file.Open();
        return [.. (await check.Tallies.OrderBy(t => t.Key).ToListAsync()).Select(t => (t.Key, t.Count))];
    }

    public void Dispose() => _file.Dispose();
}
