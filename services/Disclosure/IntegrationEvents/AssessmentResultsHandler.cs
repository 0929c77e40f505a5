using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.AssessmentResults;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>
/// A level froze its assessment results: they are published on its public page as received. Results are frozen once,
/// so results already published for the level, year and audience stay as they are.
/// </summary>
public sealed class AssessmentResultsHandler(DisclosureDbContext db, TimeProvider time, ILogger<AssessmentResultsHandler> logger)
    : IIntegrationEventHandler<ResultsFrozen>
{
    public async Task HandleAsync(ResultsFrozen @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (await db.AssessmentResults.AnyAsync(r => r.AssessorJurisdictionCode == @event.AssessorJurisdictionCode && r.Year == @event.Year
                && r.Audience == @event.Audience, cancellationToken))
            return;
        db.AssessmentResults.Add(PublishedAssessmentResults.Publish(@event.AssessorJurisdictionCode, @event.Year, @event.Audience, @event.SchemeId,
            @event.FrozenAt, @event.ChainHead,
            [.. @event.Parties.Select(p => new PublishedParty(p.JurisdictionCode, p.Department, p.Rank, p.Total, p.Rating, p.Vetoed, p.Hash, p.SpecialPoints,
                p.DeductionPoints))], time.GetStoredUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Assessment results of {Assessor} for {Year} ({Audience}) published: {Parties} parties", @event.AssessorJurisdictionCode,
            @event.Year, @event.Audience, @event.Parties.Count);
    }
}
