using Ducha.Testing;
using Ducha.EventBus.EntityFramework.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

public sealed class OutboxInboxTests
{
    [Fact]
    public async Task A_committed_change_publishes_its_event_and_the_consumer_applies_it()
    {
        await using var bus = await BusHost.StartAsync();

        await bus.PublishAsync("a");

        Assert.Equal(1, await Eventually.UntilAsync(() => bus.CountAsync("a"), c => c == 1));
        Assert.Equal(0, await Eventually.UntilAsync(bus.UnsentAsync, c => c == 0));
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);

        await bus.PublishAsync("rolled-back", commit: false);
        var published = await bus.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(0, published);
        Assert.Equal(0, bus.Behaviour.Calls);
        Assert.Equal(0, await bus.CountAsync("rolled-back"));
        Assert.Equal(0, await bus.WithDbAsync((db, _) => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        var envelope = await bus.PublishAsync("twice");

        await bus.Transport.PublishAsync("tests.tallied", envelope, CancellationToken.None);
        await bus.Transport.PublishAsync("tests.tallied", envelope, CancellationToken.None);

        Assert.Equal(1, await bus.CountAsync("twice"));
        Assert.Equal(1, bus.Behaviour.Calls);
    }

    [Fact]
    public async Task An_event_whose_handler_always_fails_is_dead_lettered_and_leaves_nothing_applied()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        bus.Behaviour.AlwaysFail = true;
        var envelope = await bus.PublishAsync("poison");

        await bus.Relay.PublishPendingAsync(CancellationToken.None);

        var dead = Assert.Single(bus.InMemory.DeadLetters);
        Assert.Equal(envelope.Id, dead.Envelope.Id);
        Assert.Equal(3, bus.Behaviour.Calls);
        Assert.Equal(0, await bus.CountAsync("poison"));
        Assert.Equal(0, await bus.UnsentAsync());
    }

    [Fact]
    public async Task Events_are_relayed_in_the_order_they_were_committed()
    {
        await using var bus = await BusHost.StartAsync(runRelay: false);
        var first = await bus.PublishAsync("first");
        var second = await bus.PublishAsync("second");

        var rows = await bus.WithDbAsync((db, _) => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.EventId).ToListAsync());

        Assert.Equal([first.Id, second.Id], rows);
        Assert.Equal(2, await bus.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, await bus.UnsentAsync());
    }
}
