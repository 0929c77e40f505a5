using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>
/// 拖延时间: a case past a deadline, or an aired problem's follow-up not done by its deadline. One lateness is one
/// deduction: every deadline the case missed and its follow-up overdue are events of the same deduction, keyed by the
/// case, and the first of them decides whom it is charged to.
/// </summary>
public sealed class LatenessHandler(FactLedger ledger) : IIntegrationEventHandler<CaseOverdue>, IIntegrationEventHandler<FollowUpOverdue>
{
    private static readonly string OverdueTopic = IntegrationEventAttribute.For(typeof(CaseOverdue)).Topic;
    private static readonly string FollowUpTopic = IntegrationEventAttribute.For(typeof(FollowUpOverdue)).Topic;

    public async Task HandleAsync(CaseOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var assessed = await ledger.CaseAsync(@event.CaseId, @event.JurisdictionCode, metadata.Time, cancellationToken);
        assessed.MarkOverdue();
        var key = DeductionKeys.Lateness(@event.CaseId);
        await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.Lateness, Year = DeductionFact.YearOf(@event.DetectedAt), CaseId = @event.CaseId,
            PlaceJurisdictionCode = @event.JurisdictionCode, HolderJurisdictionCode = @event.HolderJurisdictionCode, HolderUnit = @event.HolderUnit,
            OccurredAt = @event.DetectedAt, Cause = DeductionCauses.Overdue(@event.Deadline),
        }, metadata, OverdueTopic, @event.DetectedAt, cancellationToken);
    }

    /// <summary>Charged to the office (or, for a county's own airing, the unit) that owed the follow-up.</summary>
    public async Task HandleAsync(FollowUpOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var known = @event.CaseId is { } caseId ? await ledger.KnownCaseAsync(caseId, cancellationToken) : null;
        // Older events do not name the place: the case's, else the owing office's, which the place lies within.
        var place = @event.PlaceJurisdictionCode ?? known?.PlaceJurisdictionCode ?? @event.FollowUpJurisdictionCode;
        var key = @event.CaseId is { } id ? DeductionKeys.Lateness(id) : DeductionKeys.LatenessOfExposure(@event.ExposureId);
        var fact = await ledger.DeductAsync(key, () => new DeductionFact
        {
            Key = key, Kind = DeductionKind.Lateness, Year = DeductionFact.YearOf(@event.RaisedAt), CaseId = @event.CaseId,
            PlaceJurisdictionCode = place, HolderJurisdictionCode = @event.FollowUpJurisdictionCode, HolderUnit = @event.FollowUpUnit,
            OccurredAt = @event.RaisedAt, Cause = DeductionCauses.FollowUpOverdue(@event.FollowUpDeadline),
        }, metadata, FollowUpTopic, @event.RaisedAt, cancellationToken);
        fact.ExposureId ??= @event.ExposureId;
    }
}
