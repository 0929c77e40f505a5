using Ducha.EventBus.EntityFramework.AppliedEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// Applies a delivered event exactly once per subscription: the handler's changes and the inbox row (and, for a
/// subscription that keeps them, the event in the applied-event log) are committed in one transaction of the consumer's
/// database. Any exception leaves nothing behind and is rethrown so the transport can redeliver or dead-letter.
/// </summary>
public sealed class EventDispatcher(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<EventDispatcher> logger) : IEventDispatcher
{
    public async Task<DispatchOutcome> DispatchAsync(string transport, EventSubscription subscription,
        CloudEventEnvelope envelope, string? transportTraceParent, CancellationToken cancellationToken)
    {
        using var activity = EventBusDiagnostics.StartProcess(transport, subscription, envelope, transportTraceParent);
        var expectedType = IntegrationEventAttribute.For(subscription.EventType).Type;
        if (envelope.Type != expectedType)
        {
            logger.LogWarning("Subscription {Queue} ignores event {EventId} of type {EventType}; it handles {Expected}",
                subscription.QueueName, envelope.Id, envelope.Type, expectedType);
            return DispatchOutcome.Ignored;
        }

        try
        {
            var outcome = await ApplyOnceAsync(subscription, envelope, cancellationToken);
            activity?.SetTag("ducha.inbox.outcome", outcome.ToString());
            var tag = new KeyValuePair<string, object?>("messaging.destination.name", subscription.Topic);
            if (outcome == DispatchOutcome.Duplicate)
            {
                EventBusDiagnostics.Duplicates.Add(1, tag);
                logger.LogInformation("Event {EventId} already applied by {Queue}; skipped", envelope.Id, subscription.QueueName);
            }
            else
            {
                EventBusDiagnostics.Applied.Add(1, tag);
            }
            return outcome;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    public async Task PrepareAsync(EventSubscription subscription, CancellationToken cancellationToken)
    {
        // The event's JSON shape, so the first delivery does not build the serializer's metadata for it.
        using (var empty = System.Text.Json.JsonDocument.Parse("{}"))
        {
            try { EventSerializer.Deserialize(empty.RootElement, subscription.EventType); }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException) { /* shape only */ }
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(subscription.DbContextType);
        if (subscription.KeepsAppliedEvents) AppliedEventLog.EnsureTable(db, subscription);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // An inbox row written and rolled back: the query, the insert and the transaction's round trips, nothing kept.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await InboxLock.AcquireAsync(db, subscription, ct);
            await SeenAsync(db, subscription, "", ct);
            await AppendedRows.InsertAsync(db, [new InboxMessage
            {
                EventId = "warm-up-" + Guid.NewGuid().ToString("N"), Consumer = subscription.Consumer, Type = "warm-up", ProcessedAt = timeProvider.GetUtcNow(),
            }], ct);
            await transaction.RollbackAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// One consumer's deliveries in one transaction: each subscription's lock taken once, the inbox asked once which are
    /// already applied, then each event handled in order, their inbox rows and log entries appended together, and one
    /// commit for all. A failure rolls everything back and is rethrown.
    /// <para>
    /// A replayable subscription's handler (one that keeps its applied events) is written to find what an earlier
    /// event left tracked and unsaved, as a replay runs a page of events with one save; so a run of them is saved once,
    /// not once per event. Any other handler may query what the previous one wrote, so its turn comes after a save.
    /// </para>
    /// </summary>
    public async Task DispatchBatchAsync(string transport, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var first = deliveries[0].Subscription;
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(first.DbContextType);
        var keeps = deliveries.Any(d => d.Subscription.KeepsAppliedEvents);
        foreach (var subscription in deliveries.Select(d => d.Subscription).Where(s => s.KeepsAppliedEvents).Distinct())
            AppliedEventLog.EnsureTable(db, subscription);
        var log = keeps ? scope.ServiceProvider.GetRequiredService<AppliedEventLogLock>() : null;
        var preloaded = scope.ServiceProvider.GetRequiredService<PreloadedRows>();
        using var turn = log is null ? null : await log.EnterAsync(first.DbContextType, cancellationToken);
        using var whole = db.WithoutSavepoints();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (log is not null) await AppliedEventLogLock.LockAsync(db, ct);
            var consumers = deliveries.Select(d => d.Subscription.Consumer).Distinct().ToList();
            foreach (var subscription in deliveries.Select(d => d.Subscription).DistinctBy(s => s.Consumer))
                await InboxLock.AcquireAsync(db, subscription, ct);
            var ids = deliveries.Select(d => d.Envelope.Id).Distinct().ToList();
            var proofs = new DeliveryProofs(timeProvider);
            var unsaved = false;
            var seen = (await db.Set<InboxMessage>().Where(m => ids.Contains(m.EventId) && consumers.Contains(m.Consumer))
                .Select(m => new { m.EventId, m.Consumer }).ToListAsync(ct)).Select(m => (m.EventId, m.Consumer)).ToHashSet();
            var fresh = deliveries.Where(d => !seen.Contains((d.Envelope.Id, d.Subscription.Consumer))).Select(d => d.Envelope).ToList();
            preloaded.Forget();
            foreach (var preload in scope.ServiceProvider.GetServices<DeliveryPreload>().Where(p => p.DbContextType == first.DbContextType))
                await preload.LoadAsync(db, fresh, preloaded, ct);
            foreach (var (subscription, envelope, traceParent) in deliveries)
            {
                using var activity = EventBusDiagnostics.StartProcess(transport, subscription, envelope, traceParent);
                var tag = new KeyValuePair<string, object?>("messaging.destination.name", subscription.Topic);
                if (envelope.Type != IntegrationEventAttribute.For(subscription.EventType).Type)
                {
                    logger.LogWarning("Subscription {Queue} ignores event {EventId} of type {EventType}", subscription.QueueName, envelope.Id, envelope.Type);
                    continue;
                }
                if (!seen.Add((envelope.Id, subscription.Consumer)))
                {
                    activity?.SetTag("ducha.inbox.outcome", nameof(DispatchOutcome.Duplicate));
                    EventBusDiagnostics.Duplicates.Add(1, tag);
                    continue;
                }
                if (unsaved && !subscription.KeepsAppliedEvents) await SaveAsync(db, preloaded, ct);
                await HandleAsync(scope.ServiceProvider, subscription, envelope, proofs, ct);
                unsaved = subscription.KeepsAppliedEvents;
                if (!unsaved) await SaveAsync(db, preloaded, ct);
                activity?.SetTag("ducha.inbox.outcome", nameof(DispatchOutcome.Applied));
                EventBusDiagnostics.Applied.Add(1, tag);
            }
            if (unsaved) await SaveAsync(db, preloaded, ct);
            await proofs.WriteAsync(db, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>The handler's change, left tracked for the caller to save; its inbox row and log entry noted in <paramref name="proofs"/>.</summary>
    private static async Task HandleAsync(IServiceProvider services, EventSubscription subscription, CloudEventEnvelope envelope,
        DeliveryProofs proofs, CancellationToken ct)
    {
        var metadata = new EventMetadata(envelope.Id, envelope.Source, envelope.Type, envelope.Time);
        await subscription.Handle(services, envelope.Data, metadata, ct);
        proofs.Add(subscription, envelope);
    }

    /// <summary>
    /// What the handlers left tracked, written in the transaction and let go: kept tracked, every later save in the batch
    /// would compare each earlier row again (a fifth of a batch's CPU).
    /// </summary>
    private static async Task SaveAsync(DbContext db, PreloadedRows preloaded, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        preloaded.Forget();
    }

    private static Task<bool> SeenAsync(DbContext db, EventSubscription subscription, string eventId, CancellationToken cancellationToken) =>
        db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId && m.Consumer == subscription.Consumer, cancellationToken);

    private async Task<DispatchOutcome> ApplyOnceAsync(EventSubscription subscription, CloudEventEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(subscription.DbContextType);
        if (subscription.KeepsAppliedEvents) AppliedEventLog.EnsureTable(db, subscription);
        var log = subscription.KeepsAppliedEvents ? scope.ServiceProvider.GetRequiredService<AppliedEventLogLock>() : null;
        // Taken before the transaction and held until it has ended, across the strategy's retries.
        using var turn = log is null ? null : await log.EnterAsync(subscription.DbContextType, cancellationToken);
        using var whole = db.WithoutSavepoints();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (log is not null) await AppliedEventLogLock.LockAsync(db, ct);
            await InboxLock.AcquireAsync(db, subscription, ct);
            if (await SeenAsync(db, subscription, envelope.Id, ct)) return DispatchOutcome.Duplicate;

            var proofs = new DeliveryProofs(timeProvider);
            await HandleAsync(scope.ServiceProvider, subscription, envelope, proofs, ct);
            await db.SaveChangesAsync(ct);
            await proofs.WriteAsync(db, ct);
            await transaction.CommitAsync(ct);
            return DispatchOutcome.Applied;
        }, cancellationToken);
    }
}
