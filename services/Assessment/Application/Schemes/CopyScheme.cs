using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>
/// A level adapts a scheme it can read as a draft of its own: a city copies the province's for its counties, the
/// province office copies its own for the provincial lead departments, any office carries one to a later year.
/// </summary>
public sealed class CopyScheme(AssessmentDbContext db, JurisdictionRecords<AssessmentDbContext> records, JurisdictionTree tree, TimeProvider time,
    ILogger<CopyScheme> logger)
{
    public async Task<Scheme> HandleAsync(string id, string jurisdictionCode, int year, Audience audience, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        var source = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Scheme), id);
        tree.EnsureReadable(actor, source.JurisdictionCode, Scheme.CopyOperation, logger);
        tree.Require(jurisdictionCode);
        Scheme.EnsureWriter(actor, jurisdictionCode, Scheme.CopyOperation);
        var copy = source.CopyTo(jurisdictionCode, year, audience, idempotencyKey, time.GetStoredUtcNow());
        return await records.FileAsync(copy, actor, Scheme.CopyOperation, cancellationToken);
    }
}
