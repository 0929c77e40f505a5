using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>
/// 销号 and back: a case closed (with whether the reporter was satisfied), and a closed case reopened by a repeated
/// complaint — a problem not truly solved (处置不力), charged to the party that had handled it.
/// </summary>
public sealed class CaseOutcomeHandler(FactLedger ledger) : IIntegrationEventHandler<CaseClosed>, IIntegrationEventHandler<CaseReopened>
{
    /// <summary>Cases' name of the callback result 满意.</summary>
    public const string Satisfied = "Satisfied";

    private static readonly string ReopenedTopic = IntegrationEventAttribute.For(typeof(CaseReopened)).Topic;

    public async Task HandleAsync(CaseClosed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken)).Close(@event.CallbackResult == Satisfied, metadata.Time);
    }

    public async Task HandleAsync(CaseReopened @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        var (handledBy, unit) = assessed.Reopen(metadata.Time);
        var key = DeductionKeys.Reopened(@event.CaseId, @event.Round);
        await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.PoorHandling, Year = DeductionFact.YearOf(@event.ReopenedAt), CaseId = @event.CaseId,
            PlaceJurisdictionCode = assessed.PlaceJurisdictionCode, HolderJurisdictionCode = handledBy, HolderUnit = unit, OccurredAt = @event.ReopenedAt,
            Cause = DeductionCauses.Reopened(@event.Round),
        }, metadata, ReopenedTopic, @event.ReopenedAt, cancellationToken);
    }
}
