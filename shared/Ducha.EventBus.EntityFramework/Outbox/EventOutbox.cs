using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.Outbox;

/// <summary>
/// Records events in the publisher's own database. They are committed by the caller's SaveChanges, together with
/// the state change, and published later by <see cref="OutboxRelay{TContext}"/>; a rolled-back change publishes nothing.
/// </summary>
public sealed class EventOutbox<TContext>(TContext db, OutboxRegistration<TContext> registration,
    CloudEventFactory factory, OutboxSignal<TContext> signal, TimeProvider timeProvider) where TContext : DbContext
{
    private bool _listening;

    public CloudEventEnvelope Add<TEvent>(TEvent @event) where TEvent : IIntegrationEvent
    {
        var (message, envelope) = Prepare(@event);
        db.Set<OutboxMessage>().Add(message);
        return envelope;
    }

    /// <summary>
    /// The event's row without tracking it, for a unit of work that appends it (<see cref="PendingAppends"/>); the
    /// context's next save wakes the relay all the same.
    /// </summary>
    public (OutboxMessage Message, CloudEventEnvelope Envelope) Prepare<TEvent>(TEvent @event) where TEvent : IIntegrationEvent
    {
        var (topic, envelope) = factory.Create(registration.AppId, @event);
        var message = new OutboxMessage
        {
            EventId = envelope.Id,
            Topic = topic,
            Type = envelope.Type,
            Payload = envelope.ToJson(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        if (!_listening)
        {
            _listening = true;
            db.SavedChanges += (_, _) => signal.Notify();
        }
        return (message, envelope);
    }
}

/// <summary>Which app publishes from a database; the app id goes into every CloudEvent source.</summary>
public sealed record OutboxRegistration<TContext>(string AppId);
