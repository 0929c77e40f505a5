namespace Ducha.EventBus;

public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary><c>inmemory</c> (default), <c>rabbitmq</c> or <c>dapr</c>.</summary>
    public string Transport { get; set; } = "inmemory";

    /// <summary>Dapr pub/sub component name.</summary>
    public string PubSubName { get; set; } = "pubsub";

    /// <summary>Attempts a consumer makes before a message is dead-lettered.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>How often the outbox relay looks for unsent events when nobody signals it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between relay attempts while the broker is unreachable.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
}
