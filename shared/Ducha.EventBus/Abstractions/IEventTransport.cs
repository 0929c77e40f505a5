namespace Ducha.EventBus;

/// <summary>Carries serialized CloudEvents to the broker. Completing the task means the broker has taken the message.</summary>
public interface IEventTransport
{
    string Name { get; }
    Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken);
}
