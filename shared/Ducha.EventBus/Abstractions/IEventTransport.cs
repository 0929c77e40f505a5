namespace Ducha.EventBus;

/// <summary>Carries serialized CloudEvents to the broker. Completing the task means the broker has taken the message.</summary>
public interface IEventTransport
{
    string Name { get; }
    Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// How many publishes may wait for the broker at once. Calls started one after another must reach the broker in
    /// that order. One (the default) for a transport that delivers, or may deliver, while the call runs.
    /// </summary>
    int MaxInFlight => 1;

    /// <summary>
    /// Opens what the first publish would otherwise open (a broker connection, a channel), so the first event after
    /// start-up does not wait for it. May fail while the broker is down; publishing retries anyway.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>False while the transport knows its broker connection is lost (and is recovering it); true otherwise.</summary>
    bool IsConnected => true;

    /// <summary>
    /// True for a transport that takes a relay's whole pass at once (<see cref="PublishBatchAsync"/>) and never fails a
    /// single message of it: the in-process bus, which hands each consumer the batch to apply in few transactions.
    /// </summary>
    bool PublishesInBatches => false;

    /// <summary>Publishes the events in order, each with the trace parent of its own send span.</summary>
    Task PublishBatchAsync(IReadOnlyList<PublishedEvent> events, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} publishes one event at a time.");
}

/// <summary>One event of a relay's batch: its topic, the envelope, and the send span its consumers continue.</summary>
public sealed record PublishedEvent(string Topic, CloudEventEnvelope Envelope, string? TraceParent);
