using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ducha.EventBus.RabbitMQ;

/// <summary>Not ready until this process's queues exist on the broker and are being consumed.</summary>
public sealed class RabbitMqSubscriptionsHealthCheck(RabbitMqSubscriber subscriber) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(subscriber.Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Subscriptions are not declared on RabbitMQ yet."));
}
