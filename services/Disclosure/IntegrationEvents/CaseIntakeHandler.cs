using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Application;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>接: a case registered. Runs inside the inbox transaction, so each event is applied once, and is kept in the applied-event log.</summary>
public sealed class CaseIntakeHandler(DisclosedCaseRows rows, CaseFactsFetcher fetcher, ILogger<CaseIntakeHandler> logger) : IIntegrationEventHandler<CaseReceived>
{
    public async Task HandleAsync(CaseReceived @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var disclosed = await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken);
        disclosed.Receive(@event.Channel, @event.PollutionType, @event.CentralInspection, @event.ReceivedAt, @event.RepeatOfCaseId,
            @event.ReceivedByJurisdictionCode, metadata.Time, rows.Tree);
        if (metadata.Replayed) return;
        fetcher.Nudge();
        // Debug, like every other read-model change: cases already logs each complaint once, at Information.
        logger.LogDebug("Case {CaseId} received for {JurisdictionCode} disclosed", @event.CaseId, @event.JurisdictionCode);
    }
}
