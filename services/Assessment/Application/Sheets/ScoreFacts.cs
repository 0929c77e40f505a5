using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>
/// The facts behind the sheets, read from what the event handlers kept: a jurisdiction's year of deductions (with their
/// events) and its case figures, each one range of an index on (year, place) — a province's year is one range, not a
/// list of its counties.
/// </summary>
public sealed class ScoreFacts(AssessmentDbContext db, JurisdictionTree tree) : IScoreFacts
{
    public async Task<IReadOnlyList<DeductionFact>> DeductionsAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken)
    {
        var within = JurisdictionRange.Of(tree, withinJurisdictionCode);
        return await db.DeductionFacts.AsNoTracking().Include(d => d.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
            .Where(d => d.Year == year).PlacedWithin(within)
            .OrderBy(d => d.OccurredAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseFigures>> CaseFiguresAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken)
    {
        var within = JurisdictionRange.Of(tree, withinJurisdictionCode);
        return await db.AssessedCases.AsNoTracking()
            .Where(c => c.Year == year).PlacedWithin(within)
            .GroupBy(c => c.PlaceJurisdictionCode)
            .Select(g => new CaseFigures(g.Key, g.Count(), g.Count(c => c.Closed), g.Count(c => !c.EverOverdue), g.Count(c => c.Reported),
                g.Count(c => c.RectificationVerified), g.Count(c => c.Closed && c.Satisfied)))
            .ToListAsync(cancellationToken);
    }
}
