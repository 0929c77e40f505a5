using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Vetoes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Vetoes;

/// <summary>The vetoes of a year on a jurisdiction and everything below it (its departments' too), withdrawn ones included, oldest first.</summary>
public sealed class ListVetoes(AssessmentDbContext db, SheetReach reach, JurisdictionTree tree)
{
    public const string Operation = "ListVetoes";

    public async Task<IReadOnlyList<Veto>> HandleAsync(string jurisdictionCode, int year, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor, Role.Discipline, Role.Organization);
        reach.EnsureMayReadLevel(actor, jurisdictionCode, Operation);
        var prefix = jurisdictionCode[..tree.Get(jurisdictionCode).PrefixLength];
        var vetoes = await db.Vetoes.AsNoTracking().Where(v => v.Year == year && v.JurisdictionCode.StartsWith(prefix)).ToListAsync(cancellationToken);
        return [.. vetoes.OrderBy(v => v.RecordedAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
    }
}
