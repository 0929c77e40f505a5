using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>
/// What Cases reports as someone's fault on a case: 推诿扯皮 (the party that sent it back, and the office it went back to),
/// a stop or shutdown order never checked (长停久治、久治不验), and 问责 — one deduction per person held accountable, kept
/// but exempted, with the reason, when 容错 covers them.
/// </summary>
public sealed class CaseFaultHandler(FactLedger ledger) :
    IIntegrationEventHandler<BuckPassingFlagged>, IIntegrationEventHandler<StopVerificationOverdue>, IIntegrationEventHandler<AccountabilityRecorded>
{
    private static readonly string BuckPassingTopic = IntegrationEventAttribute.For(typeof(BuckPassingFlagged)).Topic;
    private static readonly string StopTopic = IntegrationEventAttribute.For(typeof(StopVerificationOverdue)).Topic;
    private static readonly string AccountabilityTopic = IntegrationEventAttribute.For(typeof(AccountabilityRecorded)).Topic;

    /// <summary>
    /// Cases flags the hop that bounced: the lower party (<c>SecondJurisdictionCode</c>, with <c>Unit</c> for a unit)
    /// returned it to the office that assigned it (<c>FirstJurisdictionCode</c>), which holds it again.
    /// </summary>
    public async Task HandleAsync(BuckPassingFlagged @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        var key = DeductionKeys.BuckPassing(@event.CaseId, @event.FlaggedAt);
        await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.BuckPassing, Year = DeductionFact.YearOf(@event.FlaggedAt), CaseId = @event.CaseId,
            PlaceJurisdictionCode = assessed.PlaceJurisdictionCode, HolderJurisdictionCode = @event.FirstJurisdictionCode,
            ReturnerJurisdictionCode = @event.SecondJurisdictionCode, ReturnerUnit = @event.Unit, OccurredAt = @event.FlaggedAt,
            Cause = DeductionCauses.BuckPassing(@event.Returns),
        }, metadata, BuckPassingTopic, @event.FlaggedAt, cancellationToken);
    }

    public async Task HandleAsync(StopVerificationOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        var key = DeductionKeys.StopUnverified(@event.CaseId, @event.MeasureNumber);
        await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.StopUnverified, Year = DeductionFact.YearOf(@event.DetectedAt), CaseId = @event.CaseId,
            PlaceJurisdictionCode = assessed.PlaceJurisdictionCode, HolderJurisdictionCode = assessed.HolderJurisdictionCode, HolderUnit = assessed.HolderUnit,
            OccurredAt = @event.DetectedAt, Cause = DeductionCauses.StopUnverified(@event.Kind, @event.MeasureNumber),
        }, metadata, StopTopic, @event.DetectedAt, cancellationToken);
    }

    /// <summary>Charged to the party that had the case to handle when the accountability was recorded: the one at fault.</summary>
    public async Task HandleAsync(AccountabilityRecorded @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        for (var person = 0; person < @event.Outcomes.Count; person++)
        {
            var outcome = @event.Outcomes[person];
            var key = DeductionKeys.Accountability(@event.CaseId, @event.RecordedAt, person);
            await ledger.DeductAsync(key, () => new DeductionFact
            {
                Key = key, Kind = DeductionKind.Accountability, Year = DeductionFact.YearOf(@event.RecordedAt), CaseId = @event.CaseId,
                PlaceJurisdictionCode = assessed.PlaceJurisdictionCode, HolderJurisdictionCode = assessed.HolderJurisdictionCode,
                HolderUnit = assessed.HolderUnit, OccurredAt = @event.RecordedAt,
                Cause = DeductionCauses.Accountability(outcome.Rank, outcome.Sanction, outcome.FaultTolerated),
                Exempted = outcome.FaultTolerated, ExemptionReason = outcome.FaultTolerated ? outcome.FaultToleranceReason : null,
            }, metadata, AccountabilityTopic, @event.RecordedAt, cancellationToken);
        }
    }
}
