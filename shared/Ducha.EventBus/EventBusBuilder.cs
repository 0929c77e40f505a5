using Ducha.EventBus.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.EventBus;

/// <summary>
/// Registers the bus pieces; every method may be called by several services hosted in one process. The outbox, the
/// inbox and subscriptions, which keep their rows in a service's database, are added by Ducha.EventBus.EntityFramework;
/// broker transports by their own libraries.
/// </summary>
public sealed class EventBusBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}

public static class EventBusServiceCollectionExtensions
{
    /// <summary>Options, clock and CloudEvent factory; a transport and the outbox/inbox are added on the builder.</summary>
    public static EventBusBuilder AddEventBusCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventBusOptions>().Bind(configuration.GetSection(EventBusOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CloudEventFactory>();
        return new EventBusBuilder(services);
    }

    public static EventBusBuilder AddInMemoryTransport(this EventBusBuilder builder)
    {
        builder.Services.TryAddSingleton<InMemoryEventTransport>();
        builder.Services.TryAddSingleton<IEventTransport>(sp => sp.GetRequiredService<InMemoryEventTransport>());
        return builder;
    }
}
