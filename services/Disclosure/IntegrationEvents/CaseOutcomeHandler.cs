using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>督 and 销号: overdue, closed, reopened; and 问责, people counted by rank and sanction as the event gives them, without names.</summary>
public sealed class CaseOutcomeHandler(DisclosedCaseRows rows, CaseFactsFetcher fetcher) :
    IIntegrationEventHandler<CaseOverdue>, IIntegrationEventHandler<CaseClosed>, IIntegrationEventHandler<CaseReopened>,
    IIntegrationEventHandler<AccountabilityRecorded>
{
    public async Task HandleAsync(CaseOverdue @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).MarkOverdue(metadata.Time);
    }

    public async Task HandleAsync(CaseClosed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).Close(@event.ClosedAt, metadata.Time);
        if (!metadata.Replayed) fetcher.Nudge();
    }

    public async Task HandleAsync(CaseReopened @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        (await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken)).Reopen(@event.Round, metadata.Time);
        if (!metadata.Replayed) fetcher.Nudge();
    }

    public async Task HandleAsync(AccountabilityRecorded @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        await rows.CaseAsync(@event.CaseId, @event.JurisdictionCode, cancellationToken);
        foreach (var outcome in @event.Outcomes)
        {
            var tally = await rows.TallyAsync(@event.CaseId, CaseTerms.ParseOr(outcome.Rank, CadreRank.Other), CaseTerms.ParseOr(outcome.Sanction, Sanction.Other),
                cancellationToken);
            tally.Count(outcome.FaultTolerated);
        }
    }
}
