using System.Diagnostics;

namespace Ducha.EventBus;

/// <summary>
/// Wraps a domain event in a CloudEvent. The current activity's context goes into <c>traceparent</c>, so the
/// relay, the broker hop and the consumer all continue the trace of the request that caused the event.
/// </summary>
public sealed class CloudEventFactory(TimeProvider timeProvider)
{
    public (string Topic, CloudEventEnvelope Envelope) Create<TEvent>(string appId, TEvent @event) where TEvent : IIntegrationEvent
    {
        var descriptor = IntegrationEventAttribute.For(typeof(TEvent));
        var activity = Activity.Current;
        var envelope = new CloudEventEnvelope
        {
            Id = Guid.CreateVersion7().ToString(),
            Source = $"/ducha/{appId}/{@event.JurisdictionCode}",
            Type = descriptor.Type,
            Time = timeProvider.GetUtcNow(),
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            Data = EventSerializer.ToElement(@event, typeof(TEvent)),
        };
        return (descriptor.Topic, envelope);
    }
}
