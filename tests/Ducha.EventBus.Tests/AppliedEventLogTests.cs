using System.Text.Json;
using Ducha.EventBus.EntityFramework;
using Ducha.Testing;
using Ducha.EventBus.EntityFramework.AppliedEvents;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.EventBus.Tests;

/// <summary>
/// The applied-event log: a subscription that opts in keeps its own copy of each event it applied, in the inbox's
/// transaction and in the order of application, and replaying that copy through the same handler rebuilds its read model.
/// </summary>
public sealed class AppliedEventLogTests
{
    private const string Journal = "journal";

    private static Task<BusHost> StartAsync(bool runRelay = true) => BusHost.StartAsync(runRelay, configure: services =>
        new EventBusBuilder(services).AddSubscription<Noted, NoteHandler, TestDbContext>(Journal, keepAppliedEvents: true));

    private static Task<CloudEventEnvelope> NoteAsync(BusHost bus, string key, int amount) => bus.WithDbAsync(async (db, services) =>
    {
        var envelope = services.GetRequiredService<EventOutbox<TestDbContext>>().Add(new Noted(key, amount));
        await db.SaveChangesAsync();
        return envelope;
    });

    private static Task<List<AppliedEvent>> LogAsync(BusHost bus) =>
        bus.WithDbAsync((db, _) => db.Set<AppliedEvent>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private static Task<List<(string Key, int Count, int Last)>> NotesAsync(BusHost bus) => bus.WithDbAsync(async (db, _) =>
        (await db.Tallies.AsNoTracking().Where(t => t.Key.StartsWith("note-")).OrderBy(t => t.Key).ToListAsync())
        .Select(t => (t.Key, t.Count, t.Last)).ToList());

    [Fact]
    public async Task Each_applied_event_is_kept_once_in_the_order_it_was_applied_with_its_data()
    {
        await using var bus = await StartAsync(runRelay: false);
        var first = await NoteAsync(bus, "a", 5);
        var second = await NoteAsync(bus, "b", 7);

        await bus.Relay.PublishPendingAsync(CancellationToken.None);
        // A redelivery is refused by the inbox, and so is never logged twice.
        await bus.Transport.PublishAsync("tests.noted", first, CancellationToken.None);

        var log = await LogAsync(bus);
        Assert.Equal([first.Id, second.Id], log.Select(e => e.EventId));
        Assert.True(log[0].Sequence < log[1].Sequence);
        Assert.All(log, e => Assert.Equal(($"{Journal}-tests.noted", "tests.noted", "ducha.tests.noted.v1"), (e.Consumer, e.Topic, e.Type)));
        Assert.Equal(first.Source, log[0].Source);
        Assert.Equal(first.Time, log[0].Time);
        Assert.Equal(7, JsonDocument.Parse(log[1].Data).RootElement.GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task An_event_whose_handler_fails_leaves_no_log_row_as_it_leaves_no_inbox_row()
    {
        await using var bus = await StartAsync(runRelay: false);
        bus.Behaviour.AlwaysFail = true;
        await NoteAsync(bus, "poison", 1);

        await bus.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Single(bus.InMemory.DeadLetters);
        Assert.Empty(await LogAsync(bus));
        Assert.Equal(0, await bus.WithDbAsync((db, _) => db.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_subscription_that_does_not_opt_in_keeps_no_copy()
    {
        await using var bus = await StartAsync();

        await bus.PublishAsync("plain");

        Assert.Equal(1, await Eventually.UntilAsync(() => bus.CountAsync("plain"), c => c == 1));
        Assert.Empty(await LogAsync(bus));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Replaying_the_log_into_emptied_tables_rebuilds_the_read_model_as_it_was(bool leaveTracked)
    {
        await using var bus = await StartAsync(runRelay: false);
        // A handler may save as it goes, or leave its change for the dispatcher to save with the inbox row: a replay saves it per page.
        bus.Behaviour.LeaveTracked = leaveTracked;
        foreach (var (key, amount) in new[] { ("x", 3), ("y", 4), ("x", 9), ("z", 1), ("x", 2), ("y", 6) }) await NoteAsync(bus, key, amount);
        await bus.Relay.PublishPendingAsync(CancellationToken.None);
        var live = await NotesAsync(bus);

        var outcome = await bus.WithDbAsync(async (db, services) =>
        {
            var log = services.GetRequiredService<AppliedEventLogLock>();
            using var turn = await log.EnterAsync(typeof(TestDbContext), CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AppliedEventLogLock.LockAsync(db, CancellationToken.None);
            await db.Tallies.Where(t => t.Key.StartsWith("note-")).ExecuteDeleteAsync();
            var replayed = await services.GetRequiredService<AppliedEventReplay>().ReplayAsync(db, services, CancellationToken.None);
            await transaction.CommitAsync();
            return replayed;
        });

        Assert.Equal(new ReplayOutcome(6, 0), outcome);
        Assert.Equal([("note-x", 14, 2), ("note-y", 10, 6), ("note-z", 1, 1)], live);
        Assert.Equal(live, await NotesAsync(bus));
        Assert.Equal(6, bus.Behaviour.Replays);
        // The replay neither applied the events anew nor logged them again.
        Assert.Equal(6, (await LogAsync(bus)).Count);
        Assert.Equal(6, await bus.WithDbAsync((db, _) => db.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_delivery_waits_for_a_rebuild_holding_the_turn_instead_of_failing()
    {
        await using var bus = await StartAsync(runRelay: false);
        var log = bus.Host.Services.GetRequiredService<AppliedEventLogLock>();
        await NoteAsync(bus, "late", 1);

        Task publishing;
        using (await log.EnterAsync(typeof(TestDbContext), CancellationToken.None))
        {
            publishing = bus.Relay.PublishPendingAsync(CancellationToken.None);
            await Task.Delay(300);
            Assert.False(publishing.IsCompleted);
            Assert.Empty(await LogAsync(bus));
        }
        await publishing;

        Assert.Single(await LogAsync(bus));
        Assert.Empty(bus.InMemory.DeadLetters);
    }

    [Fact]
    public async Task A_context_without_the_log_table_is_refused_naming_the_fix()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false, configure: services =>
        {
            services.AddDbContext<PlainDbContext>(o => o.UseSqlite("Data Source=:memory:"));
            new EventBusBuilder(services).AddSubscription<Noted, NoteHandler, PlainDbContext>("plain", keepAppliedEvents: true);
        });
        var subscription = bus.Host.Services.GetServices<EventSubscription>().Single(s => s.AppId == "plain");
        var envelope = await NoteAsync(bus, "nowhere", 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.Host.Services.GetRequiredService<EventDispatcher>()
            .DispatchAsync("inmemory", subscription, envelope, null, CancellationToken.None));

        Assert.Contains("AddAppliedEventLog()", error.Message);
    }

    /// <summary>A consumer database that did not add the log's table.</summary>
    private sealed class PlainDbContext(DbContextOptions<PlainDbContext> options) : DbContext(options);
}
