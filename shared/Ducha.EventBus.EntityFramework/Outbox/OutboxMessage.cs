namespace Ducha.EventBus.EntityFramework.Outbox;

/// <summary>An event committed together with the state change that caused it, waiting to be relayed.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public required string EventId { get; set; }
    public required string Topic { get; set; }
    public required string Type { get; set; }
    /// <summary>The CloudEvent exactly as it goes on the wire.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
