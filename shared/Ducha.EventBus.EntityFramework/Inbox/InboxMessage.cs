namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>Proof that a consumer applied an event; its key makes a second application impossible.</summary>
public sealed class InboxMessage
{
    public required string EventId { get; set; }
    public required string Consumer { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
