using Dapr.Client;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.Dapr;

/// <summary>
/// Publishes through the sidecar. The body is already a CloudEvent (content type application/cloudevents+json), so
/// Dapr forwards our id, source, type and traceparent instead of wrapping the event in an envelope of its own.
/// </summary>
public sealed class DaprEventTransport(DaprClient dapr, IOptions<EventBusOptions> options) : IEventTransport
{
    public string Name => "dapr";

    public Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken) =>
        dapr.PublishByteEventAsync(options.Value.PubSubName, topic, envelope.ToJsonBytes(),
            CloudEventEnvelope.MediaType, cancellationToken: cancellationToken);
}
