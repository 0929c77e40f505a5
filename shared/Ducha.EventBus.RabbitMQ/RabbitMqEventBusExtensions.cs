using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.EventBus.RabbitMQ;

public static class RabbitMqEventBusExtensions
{
    public static EventBusBuilder AddRabbitMqTransport(this EventBusBuilder builder)
    {
        builder.Services.TryAddSingleton<RabbitMqConnection>();
        builder.Services.TryAddSingleton<RabbitMqEventTransport>();
        builder.Services.TryAddSingleton<IEventTransport>(sp => sp.GetRequiredService<RabbitMqEventTransport>());
        if (!builder.Services.Any(d => d.ServiceType == typeof(RabbitMqSubscriber)))
        {
            builder.Services.AddSingleton<RabbitMqSubscriber>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RabbitMqSubscriber>());
            builder.Services.AddHealthChecks().AddCheck<RabbitMqSubscriptionsHealthCheck>("rabbitmq-subscriptions", tags: ["ready"]);
        }
        return builder;
    }
}
