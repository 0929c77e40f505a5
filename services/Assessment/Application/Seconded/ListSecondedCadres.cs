using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Seconded;

namespace Ducha.Assessment.Application.Seconded;

/// <summary>
/// 单列: the cadres seconded to a level, graded for a year, apart from the assessed parties' results — best overall grade
/// first, then by name — for the level's office, assessors, organization department and discipline commission and the
/// levels above.
/// </summary>
public sealed class ListSecondedCadres(AssessmentDbContext db, SheetReach reach)
{
    public const string Operation = "ListSecondedCadres";

    public async Task<IReadOnlyList<SecondedCadreResult>> HandleAsync(string jurisdictionCode, int year, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor, Role.Organization, Role.Discipline);
        reach.EnsureMayReadLevel(actor, jurisdictionCode, Operation);
        var lines = await db.SecondedCadreResults.AsNoTracking().Where(r => r.JurisdictionCode == jurisdictionCode && r.Year == year).ToListAsync(cancellationToken);
        return [.. lines.OrderBy(r => r.Overall).ThenBy(r => r.CadreName, StringComparer.Ordinal).ThenBy(r => r.SecondmentId, StringComparer.Ordinal)];
    }
}
