namespace Ducha.EventBus;

public enum DispatchOutcome
{
    Applied,
    /// <summary>The inbox already holds this event id for this subscription.</summary>
    Duplicate,
    /// <summary>The CloudEvent type is not the one this subscription understands (e.g. a newer version).</summary>
    Ignored,
}

/// <summary>
/// Applies a delivered event for one subscription, at most once: what every transport calls on the consumer side. The
/// inbox that remembers applied events lives with the consumer's database (Ducha.EventBus.EntityFramework); an
/// exception means nothing was applied, and the transport retries or dead-letters (<see cref="DeliveryAttempts"/>).
/// </summary>
public interface IEventDispatcher
{
    Task<DispatchOutcome> DispatchAsync(string transport, EventSubscription subscription,
        CloudEventEnvelope envelope, string? transportTraceParent, CancellationToken cancellationToken);

    /// <summary>
    /// Walks the inbox's own path once before the first delivery (reading the event's JSON shape, the "already applied?"
    /// query, an inbox row written in a transaction that is rolled back), so the first event after start-up does not pay
    /// for compiling it. Leaves nothing behind.
    /// </summary>
    Task PrepareAsync(EventSubscription subscription, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Applies several deliveries to one consumer (subscriptions of one database), in the order given, each at most once
    /// — in as few transactions as the store allows. An exception means the caller cannot tell which were applied; it
    /// applies them again one by one (the inbox skips those already applied). By default: one after another.
    /// </summary>
    async Task DispatchBatchAsync(string transport, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
            await DispatchAsync(transport, delivery.Subscription, delivery.Envelope, delivery.TraceParent, cancellationToken);
    }
}

/// <summary>An event on its way to one subscription, with the span it continues.</summary>
public sealed record Delivery(EventSubscription Subscription, CloudEventEnvelope Envelope, string? TraceParent);
