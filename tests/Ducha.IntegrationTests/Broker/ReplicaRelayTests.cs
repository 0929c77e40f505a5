using Ducha.EventBus.Tests;
using Ducha.Testing;

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
}
