using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>曝光: the problems programmes aired, the follow-ups (回访) recorded for them, and those that did not come in time.</summary>
public sealed class ExposureProblemHandler(DisclosedCaseRows rows)
    : IIntegrationEventHandler<ProblemExposed>, IIntegrationEventHandler<FollowUpOverdue>, IIntegrationEventHandler<FollowUpRecorded>
{
    public async Task HandleAsync(ProblemExposed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.ExposureAsync(@event.ExposureId, cancellationToken)).Expose(@event.JurisdictionCode, @event.PlaceJurisdictionCode, @event.Polluter,
            @event.PollutionType, @event.AiredAt, @event.FollowUpJurisdictionCode, @event.FollowUpDeadline);
    }

    public async Task HandleAsync(FollowUpOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.ExposureAsync(@event.ExposureId, cancellationToken)).FollowUpMissed(@event.CaseId, @event.FollowUpJurisdictionCode, @event.FollowUpDeadline);
    }

    public async Task HandleAsync(FollowUpRecorded @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        // A part a newer exposure names and this version does not know changes nothing it could show.
        if (!Enum.TryParse<FollowUpPart>(@event.Part, out var part)) return;
        (await rows.ExposureAsync(@event.ExposureId, cancellationToken)).FollowUpRecorded(part, @event.Date, @event.Rectification, @event.Late,
            @event.FollowUpState == nameof(FollowUpState.Overdue), @event.CaseId, @event.FollowUpJurisdictionCode, @event.FollowUpDeadline);
    }
}
