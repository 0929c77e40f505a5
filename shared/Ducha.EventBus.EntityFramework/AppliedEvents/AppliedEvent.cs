namespace Ducha.EventBus.EntityFramework.AppliedEvents;

/// <summary>
/// One event as a consumer applied it: the consumer's own copy, written in the transaction of the inbox row and of the
/// change the event caused. <see cref="Sequence"/> is the order of application across every log-keeping subscription of
/// the database (they take turns, <see cref="AppliedEventLogLock"/>), so replaying the log in that order through the same
/// handlers rebuilds what they built, without the broker and without the publishers.
/// </summary>
public sealed class AppliedEvent
{
    public long Sequence { get; set; }
    /// <summary>The subscription that applied it (<see cref="EventSubscription.Consumer"/>): its handler replays it.</summary>
    public required string Consumer { get; set; }
    public required string EventId { get; set; }
    public required string Topic { get; set; }
    public required string Type { get; set; }
    public required string Source { get; set; }
    /// <summary>The CloudEvent's time: when the publisher recorded the fact.</summary>
    public DateTimeOffset Time { get; set; }
    /// <summary>The CloudEvent's data, as JSON.</summary>
    public required string Data { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
