using System.Collections.Concurrent;
using System.Reflection;

namespace Ducha.EventBus;

/// <summary>
/// Names the topic an event travels on and its CloudEvent type. A schema change is a new type (".v2"),
/// never an edit of an existing one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string topic, string type) : Attribute
{
    public string Topic { get; } = topic;
    public string Type { get; } = type;

    private static readonly ConcurrentDictionary<Type, IntegrationEventAttribute> Cache = new();

    public static IntegrationEventAttribute For(Type eventType) => Cache.GetOrAdd(eventType, t =>
        t.GetCustomAttribute<IntegrationEventAttribute>()
        ?? throw new InvalidOperationException($"{t.FullName} has no [IntegrationEvent] attribute naming its topic and type."));
}
