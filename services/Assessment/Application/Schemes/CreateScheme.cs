using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>
/// The office or an assessor of a level drafts its scheme for a year and audience: with content of its own, or with the
/// shipped example (marked example, its point values illustrative) to adapt.
/// </summary>
public sealed class CreateScheme(JurisdictionRecords<AssessmentDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public Task<Scheme> HandleAsync(string jurisdictionCode, int year, Audience audience, SchemeContent? content, bool fromExample, string? idempotencyKey,
        Actor actor, CancellationToken cancellationToken)
    {
        tree.Require(jurisdictionCode);
        Scheme.EnsureWriter(actor, jurisdictionCode, Scheme.CreateOperation);
        var scheme = Scheme.Draft(jurisdictionCode, year, audience, fromExample ? ExampleScheme.Content : content!, copiedFromSchemeId: null, idempotencyKey,
            time.GetStoredUtcNow());
        return records.FileAsync(scheme, actor, Scheme.CreateOperation, cancellationToken);
    }
}
