using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.EntityFramework.Outbox;

/// <summary>
/// Publishes committed outbox rows in order, waiting for the broker's confirmation before marking each sent.
/// While the broker is unreachable it backs off and retries, so an outage delays events but never loses them.
/// Consumers de-duplicate, so a row published twice (a crash between confirm and mark) is harmless.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IEventTransport transport,
    OutboxSignal<TContext> signal,
    IOptions<EventBusOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishPendingAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(200);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay for {Context} could not publish; retrying in {Backoff}", typeof(TContext).Name, backoff);
                await DelayAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.OutboxMaxBackoff.Ticks));
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (published < BatchSize)
            {
                try { await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Publishes everything pending; returns how many rows went out in this pass.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            var envelope = CloudEventEnvelope.Parse(message.Payload);
            using var activity = EventBusDiagnostics.StartPublish(transport.Name, message.Topic, envelope);
            try
            {
                await transport.PublishAsync(message.Topic, envelope, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
                message.Attempts++;
                message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            message.Attempts++;
            message.SentAt = timeProvider.GetUtcNow();
            message.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
            EventBusDiagnostics.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", message.Topic));
            logger.LogDebug("Published {EventType} {EventId} to {Topic}", message.Type, message.EventId, message.Topic);
        }
        return pending.Count;
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try { await Task.Delay(delay, timeProvider, cancellationToken); }
        catch (OperationCanceledException) { }
    }
}
