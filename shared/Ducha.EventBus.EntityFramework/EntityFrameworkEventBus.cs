using Ducha.EventBus.EntityFramework.AppliedEvents;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.EventBus.EntityFramework;

/// <summary>
/// The parts of the bus that keep their rows in a service's own database (tables from
/// <see cref="EventBusModel.AddEventBusTables"/>); like the rest of the builder, each may be called several times.
/// </summary>
public static class EntityFrameworkEventBus
{
    /// <summary>The publisher side: events added through <see cref="EventOutbox{TContext}"/> are relayed from this database.</summary>
    public static EventBusBuilder AddOutbox<TContext>(this EventBusBuilder builder, string appId) where TContext : DbContext
    {
        var services = builder.Services;
        services.TryAddSingleton(new OutboxRegistration<TContext>(appId));
        services.TryAddSingleton<OutboxSignal<TContext>>();
        services.TryAddScoped<EventOutbox<TContext>>();
        services.TryAddSingleton<OutboxRelay<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        return builder;
    }

    /// <summary>
    /// The consumer side's exactly-once store: every transport hands deliveries to <see cref="EventDispatcher"/>, which
    /// records each applied event in the consumer's database in the same transaction as its change.
    /// </summary>
    public static EventBusBuilder AddInbox(this EventBusBuilder builder)
    {
        builder.Services.TryAddSingleton<EventDispatcher>();
        builder.Services.TryAddSingleton<IEventDispatcher>(sp => sp.GetRequiredService<EventDispatcher>());
        builder.Services.TryAddScoped<PreloadedRows>();
        return builder;
    }

    /// <summary>The consumer side: <typeparamref name="THandler"/> applies <typeparamref name="TEvent"/> in <typeparamref name="TContext"/>.</summary>
    /// <param name="keepAppliedEvents">
    /// Also keep each applied event in <typeparamref name="TContext"/>'s applied-event log (<see cref="AppliedEventLog"/>;
    /// the context calls <c>AddAppliedEventLog()</c>), so what the handler builds can be rebuilt with <see cref="AppliedEventReplay"/>.
    /// </param>
    public static EventBusBuilder AddSubscription<TEvent, THandler, TContext>(this EventBusBuilder builder, string appId, bool keepAppliedEvents = false)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : DbContext
    {
        builder.AddInbox();
        builder.Services.TryAddScoped<THandler>();
        if (keepAppliedEvents)
        {
            builder.Services.TryAddSingleton<AppliedEventLogLock>();
            builder.Services.TryAddSingleton<AppliedEventReplay>();
        }
        var topic = IntegrationEventAttribute.For(typeof(TEvent)).Topic;
        builder.Services.AddSingleton(new EventSubscription(appId, topic, typeof(TEvent), typeof(TContext))
        {
            KeepsAppliedEvents = keepAppliedEvents,
            Handle = (provider, data, metadata, ct) =>
                provider.GetRequiredService<THandler>().HandleAsync((TEvent)EventSerializer.Deserialize(data, typeof(TEvent)), metadata, ct),
        });
        return builder;
    }

    /// <summary>
    /// Before <typeparamref name="TContext"/>'s handlers apply a batch of deliveries, its <typeparamref name="TRow"/> rows
    /// whose <paramref name="keyProperty"/> an event names in <paramref name="dataProperty"/> are read in one query (<see cref="DeliveryPreload"/>).
    /// </summary>
    public static EventBusBuilder PreloadRows<TContext, TRow>(this EventBusBuilder builder, string keyProperty, string dataProperty)
        where TContext : DbContext where TRow : class
    {
        builder.Services.AddSingleton(DeliveryPreload.ByKey<TContext, TRow>(keyProperty, dataProperty));
        return builder;
    }
}
