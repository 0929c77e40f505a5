using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Application;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>曝光: the problems programmes aired, and the follow-ups (回访) that did not come in time.</summary>
public sealed class ExposureProblemHandler(DisclosedCaseRows rows) : IIntegrationEventHandler<ProblemExposed>, IIntegrationEventHandler<FollowUpOverdue>
{
    public async Task HandleAsync(ProblemExposed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.ExposureAsync(@event.ExposureId, cancellationToken)).Expose(@event.JurisdictionCode, @event.PlaceJurisdictionCode, @event.Polluter,
            @event.PollutionType, @event.AiredAt, @event.FollowUpJurisdictionCode, @event.FollowUpDeadline);
        await rows.SaveAsync(cancellationToken);
    }

    public async Task HandleAsync(FollowUpOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.ExposureAsync(@event.ExposureId, cancellationToken)).FollowUpMissed(@event.CaseId, @event.FollowUpJurisdictionCode, @event.FollowUpDeadline);
        await rows.SaveAsync(cancellationToken);
    }
}
