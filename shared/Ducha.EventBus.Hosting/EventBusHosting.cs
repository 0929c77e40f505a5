using Ducha.EventBus.Dapr;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.RabbitMQ;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.EventBus.Hosting;

/// <summary>
/// The event bus as a service host wires it: each service module calls <see cref="AddEventBus"/> and
/// <see cref="MapEventBus"/>; both may run once per module, so a host that mounts several modules gets one bus.
/// </summary>
public static class EventBusHosting
{
    private const string MappedKey = "Ducha.EventBus.Hosting.Mapped";

    /// <summary>The bus transport named by <c>EventBus:Transport</c>: inmemory (default), rabbitmq or dapr, and the inbox.</summary>
    public static EventBusBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        var bus = builder.Services.AddEventBusCore(builder.Configuration).AddInbox();
        var transport = builder.Configuration[$"{EventBusOptions.SectionName}:Transport"] ?? "inmemory";
        return transport.ToLowerInvariant() switch
        {
            "inmemory" => bus.AddInMemoryTransport(),
            "rabbitmq" => bus.AddRabbitMqTransport(),
            "dapr" => bus.AddDaprTransport(),
            _ => throw new InvalidOperationException($"EventBus:Transport '{transport}' is not one of inmemory, rabbitmq, dapr."),
        };
    }

    /// <summary>
    /// What the transport delivers to: on dapr, the subscription routes and <c>/dapr/subscribe</c> (with Dapr's
    /// CloudEvents middleware); the other transports consume from the broker themselves and map nothing. Mapped once
    /// per application, however many modules call it.
    /// </summary>
    public static IEndpointRouteBuilder MapEventBus(this IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!string.Equals(configuration[$"{EventBusOptions.SectionName}:Transport"], "dapr", StringComparison.OrdinalIgnoreCase))
            return endpoints;
        if (endpoints is not WebApplication app)
            throw new InvalidOperationException("The dapr transport's delivery adds middleware, so it is mapped on the WebApplication.");
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.TryAdd(MappedKey, true)) return endpoints;
        app.MapDaprSubscriptions();
        return endpoints;
    }
}
