using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Application;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>转、办、核: a case moving down to its handler and its report moving up, as the read model follows it.</summary>
public sealed class CaseHandlingHandler(DisclosedCaseRows rows, CaseFactsFetcher fetcher) :
    IIntegrationEventHandler<CaseAssigned>, IIntegrationEventHandler<CaseDelivered>, IIntegrationEventHandler<CaseReturned>,
    IIntegrationEventHandler<CaseReported>, IIntegrationEventHandler<CaseVerified>, IIntegrationEventHandler<CaseSentBack>
{
    public async Task HandleAsync(CaseAssigned @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var disclosed = await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken);
        disclosed.Assign(@event.ToUnit is null ? @event.ToJurisdictionCode : null, @event.DeliveredAt, metadata.Time, rows.Tree);
    }

    public async Task HandleAsync(CaseDelivered @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var disclosed = await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken);
        disclosed.Deliver(@event.ToUnit is null ? @event.ToJurisdictionCode : null, @event.DeliveredAt, rows.Tree);
    }

    public async Task HandleAsync(CaseReturned @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).Return(metadata.Time);
    }

    public async Task HandleAsync(CaseReported @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).Report(metadata.Time);
    }

    /// <summary>The originating office's acceptance makes the report's findings and result public: they are fetched from cases.</summary>
    public async Task HandleAsync(CaseVerified @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).Verify(@event.Final, metadata.Time);
        if (@event.Final && !metadata.Replayed) fetcher.Nudge();
    }

    public async Task HandleAsync(CaseSentBack @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).SendBack(metadata.Time);
    }
}
