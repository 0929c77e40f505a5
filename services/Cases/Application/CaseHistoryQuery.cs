using Ducha.Cases.Data;
using Ducha.Cases.Domain;

namespace Ducha.Cases.Application;

/// <summary>The hash-chained history of a case, and its check: the first link that no longer matches, if any.</summary>
public sealed class CaseHistoryQuery(CasesDbContext db, VisibleCases cases, ILogger<CaseHistoryQuery> logger)
{
    public async Task<List<CaseTransition>> HistoryAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require("GetHistory", GetCase.Readers);
        await cases.FindAsync(caseId, actor, "GetHistory", cancellationToken);
        return await LinksAsync(caseId, cancellationToken);
    }

    public async Task<(int Links, (int Sequence, string Reason)? Broken)> VerifyAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require("VerifyHistory", GetCase.Readers);
        await cases.FindAsync(caseId, actor, "VerifyHistory", cancellationToken);
        var chain = await LinksAsync(caseId, cancellationToken);
        var broken = CaseTransition.FirstBrokenLink(chain);
        if (broken is { } b)
            logger.LogWarning("History of case {CaseId} is broken at link {Sequence}: {Reason}", caseId, b.Sequence, b.Reason);
        return (chain.Count, broken);
    }

    private Task<List<CaseTransition>> LinksAsync(string caseId, CancellationToken cancellationToken) =>
        db.Transitions.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
}
