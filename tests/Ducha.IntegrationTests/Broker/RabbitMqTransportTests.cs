using System.Diagnostics.Metrics;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.EventBus.Tests;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Ducha.IntegrationTests.Broker;

[Collection(ServersCollection.Name)]
public sealed class RabbitMqTransportTests(RabbitMqFixture rabbit, PostgresFixture postgres) : IAsyncLifetime
{
    private const string Queue = "consumer-tests.tallied";
    private RabbitMqServer Broker => rabbit.Server;

    public async Task InitializeAsync()
    {
        // Every test starts from empty queues (they exist once any test has declared them).
        var queues = await Broker.RabbitmqctlAsync("list_queues", "name", "--quiet", "--no-table-headers");
        foreach (var name in new[] { Queue, "dlq-" + Queue }.Where(q => queues.Contains(q)))
            await Broker.RabbitmqctlAsync("purge_queue", name);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_published_event_is_consumed_through_the_broker()
    {
        await using var bus = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri);

        await bus.PublishAsync("over-the-wire");

        Assert.Equal(1, await Eventually.UntilAsync(() => bus.CountAsync("over-the-wire"), c => c == 1));
        Assert.Equal(0, await Eventually.UntilAsync(bus.UnsentAsync, c => c == 0));
    }

    [Fact]
    public async Task Exchanges_and_queues_are_named_and_shaped_as_Dapr_pubsub_rabbitmq_declares_them()
    {
        await using var bus = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri);
        await bus.PublishAsync("topology");
        await Eventually.UntilAsync(() => bus.CountAsync("topology"), c => c == 1);

        var exchanges = Lines(await Broker.RabbitmqctlAsync("list_exchanges", "name", "type", "durable", "auto_delete", "--quiet", "--no-table-headers"));
        var queues = Lines(await Broker.RabbitmqctlAsync("list_queues", "name", "durable", "auto_delete", "arguments", "--quiet", "--no-table-headers"));
        var bindings = Lines(await Broker.RabbitmqctlAsync("list_bindings", "source_name", "destination_name", "--quiet", "--no-table-headers"));

        Assert.Contains("tests.tallied\tfanout\ttrue\tfalse", exchanges);
        Assert.Contains($"dlx-{Queue}\tfanout\ttrue\tfalse", exchanges);
        var queue = Assert.Single(queues, q => q.StartsWith(Queue + "\t", StringComparison.Ordinal));
        Assert.StartsWith($"{Queue}\ttrue\tfalse\t", queue);
        Assert.Contains($"x-dead-letter-exchange\",\"dlx-{Queue}\"", queue);
        Assert.Contains("x-queue-type\",\"classic\"", queue);
        var deadLetters = Assert.Single(queues, q => q.StartsWith($"dlq-{Queue}\t", StringComparison.Ordinal));
        Assert.Contains("x-queue-mode\",\"lazy\"", deadLetters);
        Assert.Contains($"tests.tallied\t{Queue}", bindings);
        Assert.Contains($"dlx-{Queue}\tdlq-{Queue}", bindings);
    }

    [Fact]
    public async Task A_consumer_that_dies_before_acking_gets_the_message_again_and_it_is_applied_once()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var first = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri, postgres: database);
        var hold = new TaskCompletionSource();
        first.Behaviour.Hold = hold;
        await first.PublishAsync("dies");
        await Eventually.UntilAsync(() => Task.FromResult(first.Behaviour.Calls), c => c == 1);

        await first.DisposeAsync(); // the replica goes away with the message unacknowledged
        await using var second = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri, postgres: database);

        Assert.Equal(1, await Eventually.UntilAsync(() => second.CountAsync("dies"), c => c == 1));
        Assert.Equal(1, second.Behaviour.Calls);
        Assert.Equal("0\t0", await Eventually.UntilAsync(QueueDepthAsync, d => d == "0\t0"));
    }

    [Fact]
    public async Task A_consumer_that_dies_after_committing_but_before_acking_does_not_apply_it_twice()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var committed = new TaskCompletionSource();
        // The replica commits the event and its inbox row, then hangs until it is torn down: the ack never leaves.
        var first = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri, postgres: database,
            configure: services => services.AddSingleton<IInterceptor>(new HangAfterCommit(committed)));
        await first.PublishAsync("committed");
        await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var duplicates = new DuplicateCounter();

        await first.DisposeAsync();
        await using var second = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri, postgres: database);

        Assert.Equal("0\t0", await Eventually.UntilAsync(QueueDepthAsync, d => d == "0\t0"));
        Assert.True(duplicates.Count >= 1, "the redelivered event should have been recognised by the inbox");
        Assert.Equal(1, await second.CountAsync("committed"));
        Assert.Equal(0, second.Behaviour.Calls);
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_the_dead_letter_queue()
    {
        await using var bus = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri);
        bus.Behaviour.AlwaysFail = true;

        await bus.PublishAsync("poison");

        var dead = await Eventually.UntilAsync(async () =>
            Lines(await Broker.RabbitmqctlAsync("list_queues", "name", "messages", "--quiet", "--no-table-headers"))
                .FirstOrDefault(l => l.StartsWith($"dlq-{Queue}\t", StringComparison.Ordinal)), l => l == $"dlq-{Queue}\t1");
        Assert.Equal($"dlq-{Queue}\t1", dead);
        Assert.Equal(3, bus.Behaviour.Calls);
        Assert.Equal(0, await bus.CountAsync("poison"));
        Assert.Equal("0\t0", await QueueDepthAsync());
    }

    [Fact]
    public async Task A_broker_outage_delays_events_but_loses_none()
    {
        await using var bus = await BusHost.StartAsync(rabbitMqUri: Broker.AmqpUri);
        await bus.PublishAsync("before-outage");
        await Eventually.UntilAsync(() => bus.CountAsync("before-outage"), c => c == 1);

        await Broker.PauseAsync();
        try
        {
            foreach (var key in new[] { "outage-1", "outage-2", "outage-3" }) await bus.PublishAsync(key);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(3, await bus.UnsentAsync());
            Assert.Equal(0, await bus.CountAsync("outage-1"));
        }
        finally
        {
            await Broker.ResumeAsync();
        }

        foreach (var key in new[] { "outage-1", "outage-2", "outage-3" })
            Assert.Equal(1, await Eventually.UntilAsync(() => bus.CountAsync(key), c => c == 1, TimeSpan.FromSeconds(60)));
        // The relay marks a row sent after the broker's confirm, which may come after the consumer has applied it.
        Assert.Equal(0, await Eventually.UntilAsync(bus.UnsentAsync, c => c == 0));
    }

    private async Task<string> QueueDepthAsync() =>
        Lines(await Broker.RabbitmqctlAsync("list_queues", "name", "messages_ready", "messages_unacknowledged", "--quiet", "--no-table-headers"))
            .Where(l => l.StartsWith(Queue + "\t", StringComparison.Ordinal)).Select(l => l[(Queue.Length + 1)..]).FirstOrDefault() ?? "missing";

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private sealed class HangAfterCommit(TaskCompletionSource committed) : DbTransactionInterceptor
    {
        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            // Only the consumer's commit (the one that applied the event: a tally, and no outbox row), not the publisher's or the relay's.
            var tracker = eventData.Context?.ChangeTracker;
            if (tracker is null || !tracker.Entries<Tally>().Any() || tracker.Entries<OutboxMessage>().Any()) return;
            committed.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
