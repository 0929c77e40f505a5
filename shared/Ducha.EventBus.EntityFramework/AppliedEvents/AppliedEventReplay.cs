using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ducha.EventBus.EntityFramework.AppliedEvents;

/// <summary>What a replay did: events applied again, and logged events no registered subscription handles any more.</summary>
public sealed record ReplayOutcome(long Replayed, long Skipped);

/// <summary>
/// Applies a database's logged events again, in the order they were first applied, through the handlers of the
/// subscriptions that logged them. The caller owns the transaction and the turn (<see cref="AppliedEventLogLock"/>) and
/// has emptied the tables the handlers build; the handlers see <see cref="EventMetadata.Replayed"/> and leave out what
/// must happen once only (publishing, waking workers). A handler may save as it goes or leave its changes tracked, as
/// the dispatcher lets it: they are saved with each page. Inbox and log are neither read nor written.
/// </summary>
public sealed class AppliedEventReplay(IEnumerable<EventSubscription> subscriptions, ILogger<AppliedEventReplay> logger)
{
    private const int Page = 500;

    /// <param name="db">The consumer database, from the scope of <paramref name="services"/>, so the handlers write through it.</param>
    /// <param name="services">The scope the handlers are resolved from.</param>
    public async Task<ReplayOutcome> ReplayAsync(DbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var handlers = subscriptions.Where(s => s.KeepsAppliedEvents && s.DbContextType == db.GetType())
            .ToDictionary(s => s.Consumer, s => (Subscription: s, Type: IntegrationEventAttribute.For(s.EventType).Type));
        long after = 0, replayed = 0, skipped = 0;
        while (true)
        {
            var page = await db.Set<AppliedEvent>().AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Page)
                .ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            foreach (var logged in page)
            {
                if (!handlers.TryGetValue(logged.Consumer, out var handler) || handler.Type != logged.Type)
                {
                    skipped++;
                    continue;
                }
                using var data = JsonDocument.Parse(logged.Data);
                var metadata = new EventMetadata(logged.EventId, logged.Source, logged.Type, logged.Time) { Replayed = true };
                await handler.Subscription.Handle(services, data.RootElement, metadata, cancellationToken);
                replayed++;
            }
            after = page[^1].Sequence;
            // What a handler leaves tracked (as live, where the dispatcher saves it with the inbox row) is written once per
            // page rather than once per event; then memory stays bounded however long the log.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (skipped > 0)
            logger.LogWarning("Replay of {Context} skipped {Skipped} logged event(s) that no registered subscription handles", db.GetType().Name, skipped);
        return new ReplayOutcome(replayed, skipped);
    }
}
