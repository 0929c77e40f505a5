using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.AppliedEvents;
using Ducha.EventBus.EntityFramework.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

/// <summary>
/// Rows appended past the change tracker are stored exactly as EF stores them (the same columns, the same stored forms,
/// timestamps converted as every Ducha store keeps them), in the order given, inside the caller's transaction only.
/// </summary>
public sealed class AppendedRowsTests : IDisposable
{
    private static readonly DateTimeOffset Beijing = new(2026, 12, 6, 8, 30, 15, 123, TimeSpan.FromHours(8));
    private readonly SqliteTestFile _file = new("appended");

    [Fact]
    public async Task Appended_rows_read_back_and_are_stored_as_EF_stores_them()
    {
        await using (var db = _file.Open())
        {
            // One row through EF, for the stored forms to compare with.
            db.Set<AppliedEvent>().Add(Entry("ef", 0));
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // More than one statement's worth, so the rows go in several statements and keep their order across them.
            await AppendedRows.InsertAsync(db, Enumerable.Range(1, 250).Select(i => Entry("appended", i)).ToList(), CancellationToken.None);
            await AppendedRows.InsertAsync(db, [new InboxMessage { EventId = "e-1", Consumer = "c", Type = "t", ProcessedAt = Beijing }], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = _file.Open();
        var appended = await read.Set<AppliedEvent>().AsNoTracking().Where(e => e.Consumer == "appended").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 250).Select(i => $"event-{i}"), appended.Select(e => e.EventId));
        Assert.All(appended, e => Assert.Equal(Beijing.AddSeconds(int.Parse(e.EventId[6..], System.Globalization.CultureInfo.InvariantCulture)), e.Time));
        Assert.Equal("{\"n\":7}", appended[6].Data);
        Assert.Equal(Beijing, (await read.Set<InboxMessage>().AsNoTracking().SingleAsync()).ProcessedAt);
        // The same instant, stored the same way by EF and here: one distinct stored form for the two rows of event 0/1's time.
        var stored = await read.Database.SqlQueryRaw<string>(
            "SELECT typeof(\"AppliedAt\") || ':' || \"AppliedAt\" AS \"Value\" FROM applied_events WHERE \"EventId\" IN ('event-0', 'event-1')").ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Single(stored.Distinct());
    }

    [Fact]
    public async Task Rows_are_appended_only_inside_a_transaction_and_vanish_with_its_rollback()
    {
        await using var db = _file.Open();
        var row = new InboxMessage { EventId = "e-2", Consumer = "c", Type = "t", ProcessedAt = Beijing };
        await Assert.ThrowsAsync<InvalidOperationException>(() => AppendedRows.InsertAsync(db, [row], CancellationToken.None));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await AppendedRows.InsertAsync(db, [row], CancellationToken.None);
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync());
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await db.Set<InboxMessage>().CountAsync());
    }

    private static AppliedEvent Entry(string consumer, int n) => new()
    {
        Consumer = consumer, EventId = $"event-{n}", Topic = "tests.tallied", Type = "ducha.tests.tallied.v1", Source = "/tests",
        Time = Beijing.AddSeconds(n), Data = $"{{\"n\":{n}}}", AppliedAt = Beijing,
    };

    public void Dispose() => _file.Dispose();
}
