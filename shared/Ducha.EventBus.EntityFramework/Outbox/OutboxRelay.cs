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
    // Every save with events wakes the relay. Woken at once, its passes carried one event each at a trickle, with a
    // transaction per consumer and a marking each (one caller filing: 5.1 ms of host CPU a complaint, 3.5 ms with this
    // wait); a moment's wait lets the saves arriving meanwhile share the pass. Pacing, not the domain's time, so not the
    // TimeProvider's.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareTransportAsync(stoppingToken);
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
                await BackOffAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.OutboxMaxBackoff.Ticks));
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (published < BatchSize)
            {
                try
                {
                    if (await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken)) await Task.Delay(Gather, stoppingToken);
                }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// Publishes what is pending, up to one batch; returns how many rows it took on. Replicas of a service share the
    /// outbox, so on PostgreSQL a pass holds the outbox's lock (<see cref="OutboxLock"/>): one relay publishes a row,
    /// in order, instead of every replica racing to publish it too.
    /// </summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        using var whole = db.WithoutSavepoints();
        // The pass is one transaction on PostgreSQL, so a retrying execution strategy has to own it.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => PublishPassAsync(db, ct), cancellationToken);
    }

    private async Task<int> PublishPassAsync(TContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await OutboxLock.AcquireAsync(db, cancellationToken);
        var pending = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0) return 0;
        if (transport.PublishesInBatches) return await PublishAllAsync(db, transaction, pending, cancellationToken);

        // Up to MaxInFlight publishes wait for their confirms together (a broker confirms a burst with one disk sync);
        // they are started in order, so they reach the broker in order.
        var window = Math.Max(1, transport.MaxInFlight);
        Exception? failure = null;
        for (var start = 0; start < pending.Count && failure is null; start += window)
        {
            var sends = pending.Skip(start).Take(window).Select(m => (Message: m, Sent: PublishAsync(m, cancellationToken))).ToList();
            foreach (var (message, sent) in sends)
            {
                message.Attempts++;
                try
                {
                    await sent;
                    message.SentAt = timeProvider.GetUtcNow();
                    message.LastError = null;
                    EventBusDiagnostics.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", message.Topic));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failure ??= ex;
                    message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                }
            }
        }
        // What the broker confirmed is marked sent even when a later row failed: it must not go out again.
        await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        logger.LogDebug("Published {Count} event(s) from {Context}", pending.Count, typeof(TContext).Name);
        return pending.Count;
    }

    /// <summary>The pass handed over whole to a transport that takes batches (the in-process bus), then marked sent.</summary>
    private async Task<int> PublishAllAsync(TContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, List<OutboxMessage> pending,
        CancellationToken cancellationToken)
    {
        var events = new List<PublishedEvent>(pending.Count);
        foreach (var message in pending)
        {
            var envelope = CloudEventEnvelope.Parse(message.Payload);
            // Each event keeps its own send span, which its consumers' spans continue.
            using var activity = EventBusDiagnostics.StartPublish(transport.Name, message.Topic, envelope);
            events.Add(new PublishedEvent(message.Topic, envelope, activity?.Id));
        }
        await transport.PublishBatchAsync(events, cancellationToken);
        foreach (var message in pending)
        {
            message.Attempts++;
            message.SentAt = timeProvider.GetUtcNow();
            message.LastError = null;
            EventBusDiagnostics.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", message.Topic));
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        logger.LogDebug("Published {Count} event(s) from {Context} in one batch", pending.Count, typeof(TContext).Name);
        return pending.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var envelope = CloudEventEnvelope.Parse(message.Payload);
        using var activity = EventBusDiagnostics.StartPublish(transport.Name, message.Topic, envelope);
        try
        {
            await transport.PublishAsync(message.Topic, envelope, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Otherwise the first event after start-up opens the broker connection and its channel on its way to the consumers:
    /// done at start-up, in the background, they are ready before the first request commits. Bounded, as the broker may
    /// be down.
    /// </summary>
    private async Task PrepareTransportAsync(CancellationToken stoppingToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await transport.PrepareAsync(bounded.Token);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("The {Transport} transport is not ready yet ({Error}); the first publish will connect", transport.Name, ex.Message);
        }
    }

    /// <summary>
    /// Waits out the backoff, but after a lost broker connection only until the transport has it back: a broker that
    /// returns after an outage of some seconds would otherwise wait up to the longest backoff for its backlog.
    /// </summary>
    private async Task BackOffAsync(TimeSpan backoff, CancellationToken cancellationToken)
    {
        if (transport.IsConnected)
        {
            await DelayAsync(backoff, cancellationToken);
            return;
        }
        var until = timeProvider.GetUtcNow() + backoff;
        while (!transport.IsConnected && timeProvider.GetUtcNow() < until && !cancellationToken.IsCancellationRequested)
            await DelayAsync(TimeSpan.FromMilliseconds(100), cancellationToken);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try { await Task.Delay(delay, timeProvider, cancellationToken); }
        catch (OperationCanceledException) { }
    }
}
