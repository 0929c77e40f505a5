using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ducha.EventBus;

/// <summary>Spans and counters for the bus, named after the OpenTelemetry messaging conventions.</summary>
public static class EventBusDiagnostics
{
    public const string Name = "Ducha.EventBus";
    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("ducha.eventbus.published", "{event}", "Events the relay handed to the broker");
    public static readonly Counter<long> Applied = Meter.CreateCounter<long>("ducha.eventbus.applied", "{event}", "Events a consumer applied");
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("ducha.eventbus.duplicates", "{event}", "Redelivered events the inbox recognised and skipped");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("ducha.eventbus.dead_lettered", "{event}", "Events given up after every attempt failed");

    public static ActivityContext ParentFrom(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, out var context) ? context : default;

    public static Activity? StartPublish(string transport, string topic, CloudEventEnvelope envelope)
    {
        var activity = ActivitySource.StartActivity($"send {topic}", ActivityKind.Producer,
            ParentFrom(envelope.TraceParent, envelope.TraceState));
        Tag(activity, transport, topic, envelope, "send");
        return activity;
    }

    public static Activity? StartProcess(string transport, EventSubscription subscription, CloudEventEnvelope envelope, string? transportTraceParent)
    {
        var parent = ParentFrom(transportTraceParent ?? envelope.TraceParent, envelope.TraceState);
        var activity = ActivitySource.StartActivity($"process {subscription.Topic}", ActivityKind.Consumer, parent);
        Tag(activity, transport, subscription.Topic, envelope, "process");
        activity?.SetTag("messaging.consumer.group.name", subscription.AppId);
        return activity;
    }

    private static void Tag(Activity? activity, string transport, string topic, CloudEventEnvelope envelope, string operation)
    {
        if (activity is null) return;
        activity.SetTag("messaging.system", transport);
        activity.SetTag("messaging.operation.type", operation);
        activity.SetTag("messaging.destination.name", topic);
        activity.SetTag("messaging.message.id", envelope.Id);
        activity.SetTag("cloudevents.event_type", envelope.Type);
        activity.SetTag("cloudevents.event_source", envelope.Source);
    }
}
