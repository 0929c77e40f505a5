using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// <see cref="KeyLookup"/> answers as <c>FindAsync</c> does: the row the context tracks (even one added and not yet
/// saved, with its unsaved changes), else the stored one, else nothing.
/// </summary>
public sealed class KeyLookupTests : IDisposable
{
    private static readonly PerModel<Func<TestDbContext, string, CancellationToken, Task<Tally?>>> TallyOf = new(() =>
        EF.CompileAsyncQuery((TestDbContext db, string key, CancellationToken _) => db.Tallies.FirstOrDefault(t => t.Key == key)));

    private readonly SqliteTestFile _file = new("keylookup");

    [Fact]
    public async Task The_tracked_row_comes_first_then_the_stored_one_then_none()
    {
        await using (var seed = _file.Open())
        {
            seed.Tallies.Add(new Tally { Key = "stored", Count = 1 });
            await seed.SaveChangesAsync();
        }

        await using var db = _file.Open();
        var added = new Tally { Key = "added", Count = 5 };
        db.Tallies.Add(added);

        Assert.Same(added, await db.FindByKeyAsync("added", TallyOf, CancellationToken.None));
        var stored = await db.FindByKeyAsync("stored", TallyOf, CancellationToken.None);
        Assert.Equal(1, stored?.Count);
        stored!.Count = 7;
        Assert.Same(stored, await db.FindByKeyAsync("stored", TallyOf, CancellationToken.None));
        Assert.Equal(7, stored.Count);
        Assert.Null(await db.FindByKeyAsync("absent", TallyOf, CancellationToken.None));
        // Tracked, and saved as one change each: nothing found twice.
        Assert.Equal(2, db.ChangeTracker.Entries<Tally>().Count());
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
    }

    public void Dispose() => _file.Dispose();
}
