using System.Data.Common;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.EventBus.Tests;

/// <summary>
/// A consumer's rows named by a batch's events are read in one query before its handlers run, and the handlers find
/// them there: each still sees what the events before it in the batch made of its row.
/// </summary>
public sealed class DeliveryPreloadTests
{
    private static readonly string[] Stored = ["row-1", "row-2", "row-3", "row-4"];
    private static readonly string[] Events = ["row-1", "row-2", "row-3", "row-2", "row-4", "row-new"];

    [Fact]
    public async Task A_batch_reads_the_rows_its_events_name_once_and_each_event_still_counts()
    {
        var reads = new TallyReads();
        await using var bus = await BusHost.StartAsync(runRelay: false, configure: services =>
        {
            services.AddSingleton<IInterceptor>(reads);
            new EventBusBuilder(services)
                .AddSubscription<Counted, CountedHandler, TestDbContext>("counter", keepAppliedEvents: true)
                .PreloadRows<TestDbContext, Tally>(nameof(Tally.Key), "key");
        });
        await bus.WithDbAsync(async (db, services) =>
        {
            foreach (var key in Stored) db.Tallies.Add(new Tally { Key = key, Count = 10 });
            var outbox = services.GetRequiredService<EventOutbox<TestDbContext>>();
            foreach (var key in Events) outbox.Add(new Counted(key));
            return await db.SaveChangesAsync();
        });
        reads.Count = 0;

        Assert.Equal(6, await bus.Relay.PublishPendingAsync(CancellationToken.None));

        var tallies = await bus.WithDbAsync(async (db, _) => await db.Tallies.AsNoTracking().OrderBy(t => t.Key).ToListAsync());
        Assert.Equal([("row-1", 11), ("row-2", 12), ("row-3", 11), ("row-4", 11), ("row-new", 1)], tallies.Select(t => (t.Key, t.Count)));
        // One read for the batch and one for the counts above: the key no row had yet needs none.
        Assert.Equal(2, reads.Count);
        Assert.Empty(bus.InMemory.DeadLetters);
    }

    [Fact]
    public async Task A_row_opened_in_a_batch_and_saved_before_a_later_event_is_found_again_not_opened_twice()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false, configure: services => new EventBusBuilder(services)
            .AddSubscription<Counted, CountedHandler, TestDbContext>("counter", keepAppliedEvents: true)
            // Keeps no log, so its turn comes after a save that lets go of the rows tracked so far.
            .AddSubscription<Tallied, TallyHandler, TestDbContext>("counter")
            .PreloadRows<TestDbContext, Tally>(nameof(Tally.Key), "key"));
        var subscriptions = bus.Host.Services.GetServices<EventSubscription>().Where(s => s.Consumer.Contains("counter", StringComparison.Ordinal)).ToList();
        var deliveries = await bus.WithDbAsync((_, services) =>
        {
            var outbox = services.GetRequiredService<EventOutbox<TestDbContext>>();
            Delivery Of<TEvent>(TEvent @event) where TEvent : IIntegrationEvent =>
                new(subscriptions.Single(s => s.EventType == typeof(TEvent)), outbox.Prepare(@event).Envelope, null);
            return Task.FromResult<IReadOnlyList<Delivery>>([Of(new Counted("opened")), Of(new Counted("other")), Of(new Tallied("elsewhere")), Of(new Counted("opened"))]);
        });

        // Applied as one batch, as the bus hands a relay's pass over: a failure here is not retried one by one.
        await bus.Host.Services.GetRequiredService<EventDispatcher>().DispatchBatchAsync("test", deliveries, CancellationToken.None);

        var tallies = await bus.WithDbAsync(async (db, _) => await db.Tallies.AsNoTracking().OrderBy(t => t.Key).ToListAsync());
        Assert.Equal([("elsewhere", 1), ("opened", 2), ("other", 1)], tallies.Select(t => (t.Key, t.Count)));
    }

    private sealed class TallyReads : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"tallies\"", StringComparison.Ordinal)) Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }
}

[IntegrationEvent("tests.counted", "ducha.tests.counted.v1")]
public sealed record Counted(string Key, string JurisdictionCode = "320500") : IIntegrationEvent;

/// <summary>Counts each event on the row of its key, found in the tracker first (and not asked for when the batch found none), and leaves the change for the dispatcher to save.</summary>
public sealed class CountedHandler(TestDbContext db, PreloadedRows preloaded) : IIntegrationEventHandler<Counted>
{
    public async Task HandleAsync(Counted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var tally = db.Tracked<Tally, string>(@event.Key)
            ?? (preloaded.IsAbsent<Tally>(@event.Key) ? null : await db.Tallies.FindAsync([@event.Key], cancellationToken));
        if (tally is null) db.Tallies.Add(tally = new Tally { Key = @event.Key });
        tally.Count++;
    }
}
