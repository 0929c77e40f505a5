using System.Text.Json;

namespace Ducha.EventBus;

/// <summary>
/// One app's interest in one topic. The queue name follows Dapr's pubsub.rabbitmq convention
/// (<c>{app-id}-{topic}</c>) so services with and without a sidecar share one broker.
/// </summary>
public sealed record EventSubscription(string AppId, string Topic, Type EventType, Type DbContextType)
{
    public string QueueName => $"{AppId}-{Topic}";

    /// <summary>The HTTP route a Dapr sidecar delivers this subscription to.</summary>
    public string Route => $"/events/{AppId}/{Topic}";

    /// <summary>Inbox key: the same event may be consumed once by each subscription.</summary>
    public string Consumer => QueueName;

    /// <summary>
    /// Whether each event applied is also kept in the consumer's applied-event log (Ducha.EventBus.EntityFramework), so the
    /// read models its handler builds can be rebuilt by replaying the log.
    /// </summary>
    public bool KeepsAppliedEvents { get; init; }

    /// <summary>Deserializes the data and calls the registered handler, resolved from the dispatch scope.</summary>
    public required Func<IServiceProvider, JsonElement, EventMetadata, CancellationToken, Task> Handle { get; init; }
}
