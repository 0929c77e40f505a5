using Ducha.EventBus.EntityFramework.AppliedEvents;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// What a transaction's applied deliveries leave besides their handlers' changes: an inbox row each and, for a
/// log-keeping subscription, its entry in the applied-event log. Appended together just before the commit, in the order
/// applied, with one statement per table (<see cref="AppendedRows"/>); nothing in the transaction reads them before.
/// </summary>
internal sealed class DeliveryProofs(TimeProvider timeProvider)
{
    private readonly List<InboxMessage> _inbox = [];
    private readonly List<AppliedEvent> _log = [];

    public void Add(EventSubscription subscription, CloudEventEnvelope envelope)
    {
        var now = timeProvider.GetUtcNow();
        _inbox.Add(new InboxMessage { EventId = envelope.Id, Consumer = subscription.Consumer, Type = envelope.Type, ProcessedAt = now });
        if (subscription.KeepsAppliedEvents) _log.Add(AppliedEventLog.Entry(subscription, envelope, now));
    }

    public async Task WriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        await AppendedRows.InsertAsync(db, _inbox, cancellationToken);
        await AppendedRows.InsertAsync(db, _log, cancellationToken);
    }
}
