using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>单列: every cadre seconded to the level at any time in the year, with both grades, the overall one and the recommendation.</summary>
public sealed class ListAnnualAssessments(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListAnnualAssessments";

    public async Task<IReadOnlyList<AnnualAssessment>> HandleAsync(string levelCode, int year, Actor actor, CancellationToken cancellationToken)
    {
        SecondmentReach.EnsureRole(actor, Operation);
        records.EnsureWithin(actor, levelCode, Operation);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var terms = (await db.Secondments.AsNoTracking()
                .Where(s => s.JurisdictionCode == levelCode && s.StartDate <= last && (s.EndedDate ?? s.EndDate) >= first)
                .ToListAsync(cancellationToken))
            .Where(s => s.Overlaps(first, last)).OrderBy(s => s.CadreName, StringComparer.Ordinal).ThenBy(s => s.StartDate).ToList();
        var ids = terms.Select(t => t.Id).ToList();
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.SecondmentId) && e.Year == year).ToListAsync(cancellationToken);
        return terms.Select(t => new AnnualAssessment(t, evaluations.Where(e => e.SecondmentId == t.Id).OrderBy(e => e.Evaluator).ToList())).ToList();
    }
}
