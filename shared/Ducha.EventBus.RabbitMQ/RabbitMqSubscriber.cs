using System.Text;
using global::RabbitMQ.Client;
using global::RabbitMQ.Client.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.RabbitMQ;

/// <summary>
/// Consumes every subscription of this process from its <c>{app-id}-{topic}</c> queue with manual acks. An event is
/// acked only after its inbox row is committed; a consumer that dies before acking gets it again (and the inbox skips
/// it if it was already applied). A message that keeps failing is nacked without requeue and lands in the
/// dead-letter queue, with an error log naming it. Deliveries that are waiting together (up to the prefetch) are
/// applied together, in order, in one transaction of the consumer's database (<see cref="DeliveryAttempts"/>).
/// </summary>
public sealed class RabbitMqSubscriber(
    RabbitMqConnection connection,
    IEnumerable<EventSubscription> subscriptions,
    IEventDispatcher dispatcher,
    IOptions<EventBusOptions> options,
    ILogger<RabbitMqSubscriber> logger) : BackgroundService
{
    private const ushort Prefetch = 64;
    private readonly List<IChannel> _channels = [];
    private readonly List<Task> _loops = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once every queue is declared, bound and consumed. Until then a publisher's event on a topic would find
    /// no queue and be dropped by the fanout exchange, so readiness (and /health) waits for it.
    /// </summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = subscriptions.ToList();
        if (all.Count == 0)
        {
            _ready.TrySetResult();
            return;
        }
        IConnection conn;
        try { conn = await connection.GetAsync(stoppingToken); }
        catch (OperationCanceledException) { return; }
        foreach (var subscription in all)
        {
            await PrepareAsync(subscription, stoppingToken);
            var channel = await conn.CreateChannelAsync(cancellationToken: stoppingToken);
            _channels.Add(channel);
            await DeclareAsync(channel, subscription, stoppingToken);
            await channel.BasicQosAsync(0, Prefetch, false, stoppingToken);
            var waiting = System.Threading.Channels.Channel.CreateUnbounded<(ulong Tag, CloudEventEnvelope Envelope, string? TraceParent)>(
                new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _loops.Add(ApplyLoopAsync(channel, subscription, waiting.Reader, stoppingToken));
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, subscription, delivery, waiting.Writer, stoppingToken);
            await channel.BasicConsumeAsync(subscription.QueueName, autoAck: false, consumerTag: $"{subscription.QueueName}-{Environment.ProcessId}",
                noLocal: false, exclusive: false, arguments: null, consumer, stoppingToken);
            logger.LogInformation("Consuming {Topic} from queue {Queue}", subscription.Topic, subscription.QueueName);
        }
        _ready.TrySetResult();
    }

    /// <summary>Readies the inbox's path before consuming; a failure here is the first delivery's to report, not start-up's.</summary>
    private async Task PrepareAsync(EventSubscription subscription, CancellationToken stoppingToken)
    {
        try { await dispatcher.PrepareAsync(subscription, stoppingToken); }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not ready the inbox of {Queue} ahead of the first delivery: {Error}", subscription.QueueName, ex.Message);
        }
    }

    /// <summary>Declares the topology Dapr's pubsub.rabbitmq component would, so either side may come up first.</summary>
    public static async Task DeclareAsync(IChannel channel, EventSubscription subscription, CancellationToken cancellationToken)
    {
        var queue = subscription.QueueName;
        var exchange = DaprTopology.Exchange(subscription.Topic);
        var dlx = DaprTopology.DeadLetterExchange(queue);
        var dlq = DaprTopology.DeadLetterQueue(queue);
        await channel.ExchangeDeclareAsync(exchange, DaprTopology.ExchangeKind, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(dlx, DaprTopology.ExchangeKind, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(dlq, durable: true, exclusive: false, autoDelete: false, DaprTopology.DeadLetterQueueArguments(), cancellationToken: cancellationToken);
        await channel.QueueBindAsync(dlq, dlx, string.Empty, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, DaprTopology.QueueArguments(queue), cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>Reads the delivery while its body is valid and queues it for the subscription's apply loop; an unreadable one is dead-lettered at once.</summary>
    private async Task OnDeliveryAsync(IChannel channel, EventSubscription subscription, BasicDeliverEventArgs delivery,
        System.Threading.Channels.ChannelWriter<(ulong, CloudEventEnvelope, string?)> waiting, CancellationToken stoppingToken)
    {
        CloudEventEnvelope envelope;
        try
        {
            envelope = CloudEventEnvelope.Parse(delivery.Body.Span);
        }
        catch (FormatException ex)
        {
            logger.LogError("Dead-lettered an unreadable message on {Queue}: {Error}", subscription.QueueName, ex.Message);
            await SettleAsync(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, stoppingToken));
            EventBusDiagnostics.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", subscription.Topic));
            return;
        }
        await waiting.WriteAsync((delivery.DeliveryTag, envelope, Header(delivery, "traceparent")), stoppingToken);
    }

    /// <summary>
    /// Applies what is waiting, in order: everything queued when the loop comes round (up to the prefetch) as one batch,
    /// then acks each applied delivery and nacks (to the dead-letter queue) each that every attempt failed for.
    /// </summary>
    private async Task ApplyLoopAsync(IChannel channel, EventSubscription subscription,
        System.Threading.Channels.ChannelReader<(ulong Tag, CloudEventEnvelope Envelope, string? TraceParent)> waiting, CancellationToken stoppingToken)
    {
        var batch = new List<(ulong Tag, CloudEventEnvelope Envelope, string? TraceParent)>(Prefetch);
        try
        {
            while (await waiting.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < Prefetch && waiting.TryRead(out var next)) batch.Add(next);
                var deliveries = batch.Select(b => new Delivery(subscription, b.Envelope, b.TraceParent)).ToList();
                var failed = (await dispatcher.DispatchBatchAsync("rabbitmq", deliveries, options.Value.MaxDeliveryAttempts, logger, stoppingToken))
                    .Select(d => d.Envelope).ToHashSet();
                foreach (var (tag, envelope, _) in batch)
                    await SettleAsync(() => failed.Contains(envelope)
                        ? channel.BasicNackAsync(tag, multiple: false, requeue: false, stoppingToken)
                        : channel.BasicAckAsync(tag, multiple: false, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not acked is redelivered to the next consumer, and the inbox skips what was applied.
        }
    }

    /// <summary>An ack on a dead channel is not an error: the broker redelivers and the inbox skips it.</summary>
    private async Task SettleAsync(Func<ValueTask> settle)
    {
        try { await settle(); }
        catch (Exception ex) { logger.LogWarning("Could not settle a delivery ({Error}); the broker will redeliver it", ex.Message); }
    }

    private static string? Header(BasicDeliverEventArgs delivery, string name) =>
        delivery.BasicProperties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string text => text, _ => null }
            : null;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken); }
        catch (Exception) { /* a loop still applying ends with its channel; its deliveries are redelivered */ }
        foreach (var channel in _channels)
        {
            try { await channel.CloseAsync(cancellationToken); } catch (Exception) { /* connection already gone */ }
            channel.Dispose();
        }
        _channels.Clear();
    }
}
