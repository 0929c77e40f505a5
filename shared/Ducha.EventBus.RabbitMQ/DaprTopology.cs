namespace Ducha.EventBus.RabbitMQ;

/// <summary>
/// Names and arguments exactly as Dapr's <c>pubsub.rabbitmq</c> component declares them (durable: true,
/// deletedWhenUnused: false, enableDeadLetter: true, deliveryMode: 2, publisherConfirm: true), so an app behind a
/// Dapr sidecar and an app on this transport can share one broker.
/// </summary>
public static class DaprTopology
{
    public const string ExchangeKind = "fanout";

    public static string Exchange(string topic) => topic;
    public static string Queue(string appId, string topic) => $"{appId}-{topic}";
    public static string DeadLetterExchange(string queue) => $"dlx-{queue}";
    public static string DeadLetterQueue(string queue) => $"dlq-{queue}";

    public static Dictionary<string, object?> QueueArguments(string queue) => new()
    {
        ["x-dead-letter-exchange"] = DeadLetterExchange(queue),
        ["x-queue-type"] = "classic",
    };

    /// <summary>Dapr keeps dead letters on disk rather than in memory.</summary>
    public static Dictionary<string, object?> DeadLetterQueueArguments() => new()
    {
        ["x-queue-mode"] = "lazy",
    };
}
