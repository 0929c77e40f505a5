using Ducha.Assessment.Application.Facts;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>接: a case came in; it counts in the Beijing year it was received, at its place, held by the office that received it.</summary>
public sealed class CaseIntakeHandler(FactLedger ledger) : IIntegrationEventHandler<CaseReceived>
{
    public async Task HandleAsync(CaseReceived @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, @event.ReceivedAt, cancellationToken);
        // Events from before the receiving office was named were all received by the place's own office.
        assessed.Receive(@event.JurisdictionCode, @event.ReceivedAt, @event.ReceivedByJurisdictionCode ?? @event.JurisdictionCode, metadata.Time);
    }
}
