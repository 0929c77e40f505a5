using Microsoft.Extensions.Logging;

namespace Ducha.EventBus;

/// <summary>
/// The retry policy every transport shares: a delivery is attempted a few times with a growing pause; when every
/// attempt failed the caller dead-letters it, and this logs the error line an operator looks for.
/// </summary>
public static class DeliveryAttempts
{
    /// <returns>true when the event was handled (applied, duplicate or ignored); false when it must be dead-lettered.</returns>
    public static async Task<bool> DispatchAsync(this IEventDispatcher dispatcher, string transport, EventSubscription subscription,
        CloudEventEnvelope envelope, string? traceParent, int maxAttempts, ILogger logger, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, maxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dispatcher.DispatchAsync(transport, subscription, envelope, traceParent, cancellationToken);
                return true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt < attempts)
                {
                    logger.LogWarning(ex, "Attempt {Attempt}/{Attempts} to apply {EventId} in {Queue} failed", attempt, attempts, envelope.Id, subscription.QueueName);
                    await Task.Delay(TimeSpan.FromMilliseconds(150 * attempt), cancellationToken);
                    continue;
                }
                EventBusDiagnostics.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", subscription.Topic));
                logger.LogError(ex, "Dead-lettered event {EventId} ({EventType}) for {Queue} after {Attempts} attempts",
                    envelope.Id, envelope.Type, subscription.QueueName, attempts);
                return false;
            }
        }
    }

    /// <summary>
    /// A batch of one consumer's deliveries: applied together when that succeeds; otherwise each one on its own, in
    /// order, with the usual attempts. Returns the deliveries that must be dead-lettered.
    /// </summary>
    public static async Task<IReadOnlyList<Delivery>> DispatchBatchAsync(this IEventDispatcher dispatcher, string transport,
        IReadOnlyList<Delivery> deliveries, int maxAttempts, ILogger logger, CancellationToken cancellationToken)
    {
        if (deliveries.Count > 1)
        {
            try
            {
                await dispatcher.DispatchBatchAsync(transport, deliveries, cancellationToken);
                return [];
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("A batch of {Count} events for {Queue} failed together ({Error}); applying them one by one",
                    deliveries.Count, deliveries[0].Subscription.QueueName, ex.Message);
            }
        }
        var failed = new List<Delivery>();
        foreach (var delivery in deliveries)
            if (!await dispatcher.DispatchAsync(transport, delivery.Subscription, delivery.Envelope, delivery.TraceParent, maxAttempts, logger, cancellationToken))
                failed.Add(delivery);
        return failed;
    }
}
