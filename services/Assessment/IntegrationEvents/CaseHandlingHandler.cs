using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>
/// 转、办、核: who has the case to handle as it is assigned, delivered and returned, its report and verification, and a
/// report sent back as not good enough (处置不力), charged to the party it goes back to.
/// </summary>
public sealed class CaseHandlingHandler(FactLedger ledger) :
    IIntegrationEventHandler<CaseAssigned>, IIntegrationEventHandler<CaseDelivered>, IIntegrationEventHandler<CaseReturned>,
    IIntegrationEventHandler<CaseReported>, IIntegrationEventHandler<CaseVerified>, IIntegrationEventHandler<CaseSentBack>
{
    private static readonly string SentBackTopic = IntegrationEventAttribute.For(typeof(CaseSentBack)).Topic;

    public async Task HandleAsync(CaseAssigned @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken)).MoveTo(@event.ToJurisdictionCode, @event.ToUnit, metadata.Time);
    }

    public async Task HandleAsync(CaseDelivered @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken)).MoveTo(@event.ToJurisdictionCode, @event.ToUnit, metadata.Time);
    }

    /// <summary>A returned case is the assigning office's again (its own deadline applies once more).</summary>
    public async Task HandleAsync(CaseReturned @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken)).MoveTo(@event.ToJurisdictionCode, null, metadata.Time);
    }

    public async Task HandleAsync(CaseReported @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken)).Report();
    }

    /// <summary>Only the originating office's acceptance verifies the rectification; the offices between pass the report up.</summary>
    public async Task HandleAsync(CaseVerified @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        if (@event.Final) assessed.Verify();
    }

    public async Task HandleAsync(CaseSentBack @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        assessed.MoveTo(@event.ToJurisdictionCode, @event.ToUnit, metadata.Time);
        var key = DeductionKeys.SentBack(@event.CaseId, @event.SentBackAt);
        await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.PoorHandling, Year = DeductionFact.YearOf(@event.SentBackAt),
            CaseId = @event.CaseId, PlaceJurisdictionCode = assessed.PlaceJurisdictionCode,
            HolderJurisdictionCode = @event.ToJurisdictionCode, HolderUnit = @event.ToUnit, OccurredAt = @event.SentBackAt,
            Cause = DeductionCauses.SentBack(@event.Reason),
        }, metadata, SentBackTopic, @event.SentBackAt, cancellationToken);
    }
}
