using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Assessment.Domain.Vetoes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Vetoes;

/// <summary>
/// 一票否优: the office or an assessor of the assessing level — the vetoed jurisdiction's parent, or a department's own
/// level — records a veto with its ground and evidence. Nobody else may: not the party itself, not a sibling, not a
/// level further up. Once the year's results are frozen, a veto would change nothing and is refused.
/// </summary>
public sealed class RecordVeto(AssessmentDbContext db, JurisdictionRecords<AssessmentDbContext> records, SheetReach reach, JurisdictionTree tree,
    TimeProvider time)
{
    public const string Operation = "RecordVeto";

    public async Task<Veto> HandleAsync(AssessedParty party, int year, VetoGround ground, string evidence, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        var assessor = party.AssessorIn(tree);
        reach.EnsureAssessingLevel(actor, assessor, Operation);
        var veto = Veto.Record(party, assessor, year, ground, evidence, actor, time.GetStoredUtcNow(), idempotencyKey);
        if (idempotencyKey is not null && await db.Vetoes.AsNoTracking().FirstOrDefaultAsync(v => v.IdempotencyKey == idempotencyKey, cancellationToken) is { } retried)
            return retried;
        await ResultsReader.EnsureNotFrozenAsync(db, assessor, party.Audience, year, Operation, cancellationToken);
        return await records.FileAsync(veto, actor, Operation, cancellationToken);
    }
}
