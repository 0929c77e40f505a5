using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>How frozen results stand: whether every sheet and the chain still hold, and otherwise the first party whose sheet does not.</summary>
public sealed record ResultsCheck(bool Valid, int Sheets, string? FirstBroken);

/// <summary>
/// Recomputes every frozen sheet's hash and the chain between them, for the level and every level above it, and for
/// the discipline commission and organization department the results are sent to.
/// </summary>
public sealed class VerifyResults(AssessmentDbContext db, SheetReach reach, ILogger<VerifyResults> logger)
{
    public const string Operation = "VerifyResults";

    public async Task<ResultsCheck> HandleAsync(string assessor, Audience audience, int year, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor, Role.Discipline, Role.Organization);
        reach.EnsureMayReadLevel(actor, assessor, Operation);
        var results = await ResultsReader.FindAsync(db, assessor, audience, year, cancellationToken)
            ?? throw new DomainRuleException($"The {year} results of {assessor} for {LiveResults.Words(audience)} are not frozen: there is nothing to verify yet.");
        var sheets = await db.FrozenSheets.AsNoTracking().Where(s => s.ResultsId == results.Id).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var broken = results.FirstBroken(sheets);
        if (broken is not null)
            logger.LogWarning("{Operation}: the frozen {Year} results of {Assessor} for {Audience} no longer hold from {Party}", Operation, year, assessor, audience, broken);
        return new ResultsCheck(broken is null, sheets.Count, broken);
    }
}
