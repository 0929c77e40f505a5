using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.EventBus.Tests;

/// <summary>
/// The in-process bus hands a relay's whole pass to each consumer, to apply in one transaction: each event still once,
/// in order, and a poison event among them costs the others nothing.
/// </summary>
public sealed class BatchDispatchTests
{
    [Fact]
    public async Task A_relay_pass_is_applied_whole_each_event_once()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        foreach (var key in new[] { "batch-a", "batch-b", "batch-c" }) await bus.PublishAsync(key);

        Assert.Equal(3, await bus.Relay.PublishPendingAsync(CancellationToken.None));

        Assert.Equal((1, 1, 1), (await bus.CountAsync("batch-a"), await bus.CountAsync("batch-b"), await bus.CountAsync("batch-c")));
        Assert.Equal(3, bus.Behaviour.Calls); // applied together: no event handled twice
        Assert.Empty(bus.InMemory.DeadLetters);
        Assert.Equal(0, await bus.UnsentAsync());
    }

    [Fact]
    public async Task Events_of_one_pass_on_the_same_row_each_see_what_the_one_before_saved()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        foreach (var key in new[] { "same-row", "other-row", "same-row", "same-row" }) await bus.PublishAsync(key);

        Assert.Equal(4, await bus.Relay.PublishPendingAsync(CancellationToken.None));

        Assert.Equal((3, 1), (await bus.CountAsync("same-row"), await bus.CountAsync("other-row")));
        Assert.Empty(bus.InMemory.DeadLetters);
    }

    [Fact]
    public async Task A_poison_event_in_a_pass_is_dead_lettered_and_the_others_are_applied_once()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        bus.Behaviour.FailKey = "poisoned";
        var events = new List<CloudEventEnvelope>();
        foreach (var key in new[] { "good-1", "poisoned", "good-2" }) events.Add(await bus.PublishAsync(key));

        await bus.Relay.PublishPendingAsync(CancellationToken.None);
        // The same pass delivered again (a relay that crashed before marking it sent) changes nothing.
        await bus.InMemory.PublishBatchAsync([.. events.Select(e => new PublishedEvent("tests.tallied", e, null))], CancellationToken.None);

        Assert.Equal((1, 1, 0), (await bus.CountAsync("good-1"), await bus.CountAsync("good-2"), await bus.CountAsync("poisoned")));
        Assert.Equal([events[1].Id, events[1].Id], bus.InMemory.DeadLetters.Select(d => d.Envelope.Id));
        Assert.Equal(0, await Eventually.UntilAsync(bus.UnsentAsync, c => c == 0));
    }

    [Fact]
    public async Task Replayable_events_left_unsaved_in_a_pass_are_written_and_a_handler_after_them_reads_them()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false, configure: services => new EventBusBuilder(services)
            .AddSubscription<Noted, NoteHandler, TestDbContext>("journal", keepAppliedEvents: true)
            .AddSubscription<Copied, NoteCopier, TestDbContext>("copier"));
        // The note handler leaves its change for the dispatcher to save, as the replayable read models' handlers may.
        bus.Behaviour.LeaveTracked = true;
        await bus.WithDbAsync(async (db, services) =>
        {
            var outbox = services.GetRequiredService<EventOutbox<TestDbContext>>();
            outbox.Add(new Noted("k", 3));
            outbox.Add(new Noted("k", 4));
            outbox.Add(new Copied("k"));
            outbox.Add(new Noted("k", 5));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(4, await bus.Relay.PublishPendingAsync(CancellationToken.None));

        var tallies = await bus.WithDbAsync(async (db, _) => await db.Tallies.AsNoTracking().OrderBy(t => t.Key).ToListAsync());
        // The copier, which keeps no log and queries the database, ran after the first two notes had been written.
        Assert.Equal([("copy-k", 7, 0), ("note-k", 12, 5)], tallies.Select(t => (t.Key, t.Count, t.Last)));
        Assert.Empty(bus.InMemory.DeadLetters);
        Assert.Equal(0, await bus.UnsentAsync());
    }
}
