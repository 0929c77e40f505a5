namespace Ducha.EventBus;

/// <summary>
/// Applies one event inside the consumer's database transaction. The event id is recorded in the inbox in the
/// same transaction, so a redelivered event is never applied twice.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent @event, EventMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>The CloudEvent attributes a handler may care about.</summary>
public sealed record EventMetadata(string Id, string Source, string Type, DateTimeOffset Time)
{
    /// <summary>
    /// True when a read model is being rebuilt from the consumer's applied-event log: the event was applied before, so
    /// what must happen once only (publishing, waking a worker) is left out.
    /// </summary>
    public bool Replayed { get; init; }
}
