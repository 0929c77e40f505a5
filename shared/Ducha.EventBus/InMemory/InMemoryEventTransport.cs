using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.InMemory;

/// <summary>
/// The standalone process's bus. Publishing delivers to every in-process subscription before it returns, so the
/// relay marks an outbox row sent only once every consumer has committed it (or given up on it); the inbox
/// semantics are the same as with a broker.
/// </summary>
public sealed class InMemoryEventTransport(
    IEnumerable<EventSubscription> subscriptions,
    IEventDispatcher dispatcher,
    IOptions<EventBusOptions> options,
    ILogger<InMemoryEventTransport> logger) : IEventTransport
{
    private readonly ILookup<string, EventSubscription> _byTopic = subscriptions.ToLookup(s => s.Topic);

    public string Name => "inmemory";

    /// <summary>Events every attempt failed for, kept for inspection as a broker's dead-letter queue would.</summary>
    public ConcurrentQueue<(EventSubscription Subscription, CloudEventEnvelope Envelope)> DeadLetters { get; } = new();

    public async Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var traceParent = System.Diagnostics.Activity.Current?.Id;
        foreach (var subscription in _byTopic[topic])
        {
            await DeliverAsync(subscription, envelope, traceParent, cancellationToken);
        }
    }

    public bool PublishesInBatches => true;

    /// <summary>
    /// Each consumer (the subscriptions sharing one database) gets its share of the batch in the order published, to
    /// apply in one go: it then commits a relay's pass together instead of once per event.
    /// </summary>
    public async Task PublishBatchAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken)
    {
        var deliveries = events.SelectMany(e => _byTopic[e.Topic].Select(s => new Delivery(s, e.Envelope, e.TraceParent))).ToList();
        foreach (var consumer in deliveries.GroupBy(d => d.Subscription.DbContextType))
            foreach (var failed in await dispatcher.DispatchBatchAsync(Name, [.. consumer], options.Value.MaxDeliveryAttempts, logger, cancellationToken))
                DeadLetters.Enqueue((failed.Subscription, failed.Envelope));
    }

    private async Task DeliverAsync(EventSubscription subscription, CloudEventEnvelope envelope, string? traceParent, CancellationToken cancellationToken)
    {
        if (!await dispatcher.DispatchAsync(Name, subscription, envelope, traceParent, options.Value.MaxDeliveryAttempts, logger, cancellationToken))
            DeadLetters.Enqueue((subscription, envelope));
    }
}
