using System.Reflection;
using RabbitMQ.Client;

namespace Ducha.Deployment.Tests;

/// <summary>
/// An AMQP channel that only writes down what it is asked to declare, so a test can run the rabbitmq transport's own
/// declaration code (<c>RabbitMqSubscriber.DeclareAsync</c>) without a broker and compare it with the Dapr component.
/// </summary>
public class RecordingChannel : DispatchProxy
{
    public sealed record Call(string Method, IReadOnlyDictionary<string, object?> Arguments);

    public List<Call> Calls { get; } = [];

    public static (IChannel Channel, RecordingChannel Recorder) Create()
    {
        var channel = Create<IChannel, RecordingChannel>();
        return (channel, (RecordingChannel)(object)channel);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var parameters = targetMethod.GetParameters();
        Calls.Add(new Call(targetMethod.Name,
            parameters.Select((p, i) => (p.Name ?? $"arg{i}", args?[i])).ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal)));
        var returns = targetMethod.ReturnType;
        if (returns == typeof(Task)) return Task.CompletedTask;
        if (returns == typeof(ValueTask)) return ValueTask.CompletedTask;
        if (returns == typeof(Task<QueueDeclareOk>))
            return Task.FromResult(new QueueDeclareOk((string)args![0]!, 0, 0));
        if (returns.IsValueType && returns != typeof(void)) return Activator.CreateInstance(returns);
        return null;
    }
}
