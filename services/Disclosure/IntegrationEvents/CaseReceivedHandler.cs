using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>Counts a received case for its jurisdiction; runs inside the inbox transaction, so each event counts once.</summary>
public sealed class CaseReceivedHandler(DisclosureDbContext db, ILogger<CaseReceivedHandler> logger) : IIntegrationEventHandler<CaseReceived>
{
    public async Task HandleAsync(CaseReceived @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var count = await db.ReceivedCaseCounts.FindAsync([@event.JurisdictionCode], cancellationToken);
        if (count is null)
        {
            count = new ReceivedCaseCount { JurisdictionCode = @event.JurisdictionCode };
            db.ReceivedCaseCounts.Add(count);
        }
        count.Count(@event.ReceivedAt);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Counted case {CaseId} for {JurisdictionCode}: {Received} received", @event.CaseId, @event.JurisdictionCode, count.Received);
    }
}
