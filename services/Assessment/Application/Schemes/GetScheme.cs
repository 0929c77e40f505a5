using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>A scheme, to anyone at or above its jurisdiction and to those it assesses below it.</summary>
public sealed class GetScheme(AssessmentDbContext db, JurisdictionTree tree, ILogger<GetScheme> logger)
{
    public async Task<Scheme> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Scheme), id);
        tree.EnsureReadable(actor, scheme.JurisdictionCode, Scheme.GetOperation, logger);
        return scheme;
    }
}
