using Ducha.EventBus.Inbox;
using Ducha.EventBus.InMemory;
using Ducha.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.EventBus;

/// <summary>Registers the bus pieces; every method may be called by several services hosted in one process.</summary>
public sealed class EventBusBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>The publisher side: events added through <see cref="EventOutbox{TContext}"/> are relayed from this database.</summary>
    public EventBusBuilder AddOutbox<TContext>(string appId) where TContext : DbContext
    {
        Services.TryAddSingleton(new OutboxRegistration<TContext>(appId));
        Services.TryAddSingleton<OutboxSignal<TContext>>();
        Services.TryAddScoped<EventOutbox<TContext>>();
        Services.TryAddSingleton<OutboxRelay<TContext>>();
        Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        return this;
    }

    /// <summary>The consumer side: <typeparamref name="THandler"/> applies <typeparamref name="TEvent"/> in <typeparamref name="TContext"/>.</summary>
    public EventBusBuilder AddSubscription<TEvent, THandler, TContext>(string appId)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : DbContext
    {
        Services.TryAddScoped<THandler>();
        var topic = IntegrationEventAttribute.For(typeof(TEvent)).Topic;
        Services.AddSingleton(new EventSubscription(appId, topic, typeof(TEvent), typeof(TContext))
        {
            Handle = (provider, data, metadata, ct) =>
                provider.GetRequiredService<THandler>().HandleAsync((TEvent)EventSerializer.Deserialize(data, typeof(TEvent)), metadata, ct),
        });
        return this;
    }
}

public static class EventBusServiceCollectionExtensions
{
    /// <summary>Core services plus the in-memory transport unless a broker transport was registered first.</summary>
    public static EventBusBuilder AddEventBusCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventBusOptions>().Bind(configuration.GetSection(EventBusOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CloudEventFactory>();
        services.TryAddSingleton<EventDispatcher>();
        return new EventBusBuilder(services);
    }

    public static EventBusBuilder AddInMemoryTransport(this EventBusBuilder builder)
    {
        builder.Services.TryAddSingleton<InMemoryEventTransport>();
        builder.Services.TryAddSingleton<IEventTransport>(sp => sp.GetRequiredService<InMemoryEventTransport>());
        return builder;
    }
}
