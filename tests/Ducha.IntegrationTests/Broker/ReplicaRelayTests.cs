using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.EventBus.Tests;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.IntegrationTests.Broker;

/// <summary>Two replicas of one service: one PostgreSQL database (one outbox), one queue, both relaying and consuming.</summary>
[Collection(ServersCollection.Name)]
public sealed class ReplicaRelayTests(RabbitMqFixture rabbit, PostgresFixture postgres)
{
    [Fact]
    public async Task Two_replicas_sharing_an_outbox_publish_each_event_once()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var first = await BusHost.StartAsync(rabbitMqUri: rabbit.Server.AmqpUri, postgres: database);
        await using var second = await BusHost.StartAsync(rabbitMqUri: rabbit.Server.AmqpUri, postgres: database);
        using var duplicates = new DuplicateCounter();
        var keys = Enumerable.Range(0, 200).Select(i => $"replica-{i}").ToList();

        // Each replica commits half the events, interleaved, and each one's relay wakes on its own commits: both see
        // rows of the other pending at once.
        await Task.WhenAll(
            Task.Run(async () => { foreach (var key in keys.Where((_, i) => i % 2 == 0)) await first.PublishAsync(key); }),
            Task.Run(async () => { foreach (var key in keys.Where((_, i) => i % 2 == 1)) await second.PublishAsync(key); }));

        Assert.Equal(0, await Eventually.UntilAsync(first.UnsentAsync, n => n == 0));
        foreach (var key in keys) Assert.Equal(1, await Eventually.UntilAsync(() => first.CountAsync(key), c => c == 1));
        // Every event reached the consumers once: none had to be recognised and skipped as a second copy.
        Assert.Equal(0, duplicates.Count);
    }

    [Fact]
    public async Task Two_replicas_consuming_one_queue_lose_no_update_to_a_shared_row()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var first = await BusHost.StartAsync(rabbitMqUri: rabbit.Server.AmqpUri, postgres: database);
        await using var second = await BusHost.StartAsync(rabbitMqUri: rabbit.Server.AmqpUri, postgres: database);
        const int events = 200;

        // Every event counts into the same row, as every received case of a county counts into its one row.
        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < events / 2; i++) await PublishSharedAsync(first); }),
            Task.Run(async () => { for (var i = 0; i < events / 2; i++) await PublishSharedAsync(second); }));

        var applied = await Eventually.UntilAsync(() => first.WithDbAsync((db, _) => db.Set<InboxMessage>().CountAsync()), n => n == events);
        Assert.Equal(events, applied);
        Assert.True(first.Behaviour.Calls > 0 && second.Behaviour.Calls > 0, "both replicas should have consumed");
        Assert.Equal(events, await first.CountAsync("shared"));
    }

    private static Task<int> PublishSharedAsync(BusHost host) => host.WithDbAsync(async (db, services) =>
    {
        services.GetRequiredService<EventOutbox<TestDbContext>>().Add(new Tallied("shared"));
        return await db.SaveChangesAsync();
    });
}
