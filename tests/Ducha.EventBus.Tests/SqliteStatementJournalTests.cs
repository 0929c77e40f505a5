using System.Runtime.CompilerServices;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// A save inside a savepoint, as each save of a commit group is (<see cref="CommitGroup"/>), keeps the pages it may have
/// to undo in memory: SQLite's default moved them to a temporary file past 64 KiB, written page by page.
/// </summary>
public sealed class SqliteStatementJournalTests : IDisposable
{
    private readonly SqliteTestFile _file = new("journal");

    /// <summary>As a host does: before the process's first SQLite connection, which other tests here may open first.</summary>
    [ModuleInitializer]
    internal static void BeforeAnyConnection() => SqliteStatementJournal.Apply();

    [Fact]
    public async Task A_save_under_a_savepoint_that_changes_a_megabyte_of_pages_writes_no_temporary_file()
    {
        Assert.True(SqliteStatementJournal.Apply(), "the statement journal limit was not set before the first connection");
        await using (var seed = _file.Open())
        {
            // About 1 MB of rows, every page of which the update below changes.
            seed.Tallies.AddRange(Enumerable.Range(0, 4000).Select(i => new Tally { Key = $"{i:D6}-{new string('x', 240)}" }));
            await seed.SaveChangesAsync();
        }

        await using var db = _file.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await transaction.CreateSavepointAsync("one_save");
        var changed = await db.Tallies.ExecuteUpdateAsync(t => t.SetProperty(x => x.Count, x => x.Count + 1));
        var spilled = TemporaryFilesOpen();
        await transaction.RollbackToSavepointAsync("one_save");
        await transaction.CommitAsync();

        Assert.Equal(4000, changed);
        Assert.True(spilled.Count == 0, $"SQLite journaled the save's pages to {string.Join(", ", spilled)}");
        // What the journal kept undoes the save.
        Assert.Equal(0, await db.Tallies.SumAsync(t => t.Count));
    }

    /// <summary>SQLite's temporary files (etilqs_…) this process holds open; SQLite deletes each as it opens it.</summary>
    private static List<string> TemporaryFilesOpen() =>
        [.. new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Select(fd => fd.LinkTarget ?? "").Where(target => target.Contains("etilqs_", StringComparison.Ordinal))];

    public void Dispose() => _file.Dispose();
}
