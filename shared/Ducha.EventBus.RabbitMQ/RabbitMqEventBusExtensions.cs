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
        if (!builder.Services.Any(d => d.ImplementationType == typeof(RabbitMqSubscriber)))
            builder.Services.AddHostedService<RabbitMqSubscriber>();
        return builder;
    }
}
