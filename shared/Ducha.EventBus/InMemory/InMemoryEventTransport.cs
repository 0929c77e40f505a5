using System.Collections.Concurrent;
using Ducha.EventBus.Inbox;
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
    EventDispatcher dispatcher,
    IOptions<EventBusOptions> options,
    ILogger<InMemoryEventTransport> logger) : IEventTransport
{
    private readonly ILookup<string, EventSubscription> _byTopic = subscriptions.ToLookup(s => s.Topic);

    public string Name => "inmemory";

    /// <summary>Events every attempt failed for, kept for inspection as a broker's dead-letter queue would.</summary>
    public ConcurrentQueue<(EventSubscription Subscription, CloudEventEnvelope Envelope, Exception Error)> DeadLetters { get; } = new();

    public async Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var traceParent = System.Diagnostics.Activity.Current?.Id;
        foreach (var subscription in _byTopic[topic])
        {
            await DeliverAsync(subscription, envelope, traceParent, cancellationToken);
        }
    }

    private async Task DeliverAsync(EventSubscription subscription, CloudEventEnvelope envelope, string? traceParent, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.Value.MaxDeliveryAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dispatcher.DispatchAsync(Name, subscription, envelope, traceParent, cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt < attempts)
                {
                    logger.LogWarning(ex, "Attempt {Attempt}/{Attempts} to apply {EventId} in {Queue} failed", attempt, attempts, envelope.Id, subscription.QueueName);
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                    continue;
                }
                DeadLetters.Enqueue((subscription, envelope, ex));
                EventBusDiagnostics.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", subscription.Topic));
                logger.LogError(ex, "Dead-lettered event {EventId} ({EventType}) for {Queue} after {Attempts} attempts",
                    envelope.Id, envelope.Type, subscription.QueueName, attempts);
                return;
            }
        }
    }
}
