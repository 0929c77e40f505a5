using Ducha.Cases.Data;
using Ducha.Cases.Domain;

namespace Ducha.Cases.Application;

/// <summary>The whole file of a case: assignments, reports, measures, supervision, accountability and clue referrals.</summary>
public sealed record CaseFileView(CaseView Case, List<CaseAssignment> Assignments, List<HandlingReport> Reports, List<CaseMeasure> Measures,
    List<CaseSupervision> Supervisions, List<AccountabilityRecord> Accountability, List<ClueReferral> ClueReferrals);

public sealed class GetCaseFile(CasesDbContext db, GetCase getCase)
{
    public async Task<CaseFileView> HandleAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        var view = await getCase.HandleAsync(caseId, actor, cancellationToken);
        return new CaseFileView(view,
            await db.Assignments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Hop).ToListAsync(cancellationToken),
            await RecordsAsync<HandlingReport>(caseId, cancellationToken),
            await RecordsAsync<CaseMeasure>(caseId, cancellationToken),
            await RecordsAsync<CaseSupervision>(caseId, cancellationToken),
            await RecordsAsync<AccountabilityRecord>(caseId, cancellationToken),
            await RecordsAsync<ClueReferral>(caseId, cancellationToken));
    }

    private Task<List<T>> RecordsAsync<T>(string caseId, CancellationToken cancellationToken) where T : class, ICaseRecord =>
        db.Set<T>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
}
