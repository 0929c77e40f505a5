using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.AssessmentResults;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.AssessmentResults;

/// <summary>What the public site shows of assessment results: those a level froze and sent, by year.</summary>
public sealed class ReadPublicAssessmentResults(DisclosureDbContext db)
{
    /// <summary>The years of which the level has published results, latest first: also the content stamp of its page's list.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(Jurisdiction place, CancellationToken cancellationToken) =>
        await db.AssessmentResults.AsNoTracking().Where(r => r.AssessorJurisdictionCode == place.Code).Select(r => r.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);

    /// <summary>The level's results of a year, its subordinates' before its departments'.</summary>
    public async Task<IReadOnlyList<PublishedAssessmentResults>> OfYearAsync(Jurisdiction place, int year, CancellationToken cancellationToken)
    {
        var results = await db.AssessmentResults.AsNoTracking().Where(r => r.AssessorJurisdictionCode == place.Code && r.Year == year).ToListAsync(cancellationToken);
        return [.. results.OrderBy(r => r.Audience == PublishedAssessmentResults.Subordinates ? 0 : 1)];
    }

    /// <summary>How many of the year's results the level has published: they never change once published, so the count stamps the page.</summary>
    public Task<int> CountAsync(Jurisdiction place, int year, CancellationToken cancellationToken) =>
        db.AssessmentResults.AsNoTracking().CountAsync(r => r.AssessorJurisdictionCode == place.Code && r.Year == year, cancellationToken);
}
