using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>The office or an assessor of the scheme's jurisdiction replaces a draft's content, from the revision they read.</summary>
public sealed class ReviseScheme(AssessmentDbContext db, ILogger<ReviseScheme> logger)
{
    public async Task<Scheme> HandleAsync(string id, SchemeContent content, int fromRevision, Actor actor, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Scheme), id);
        Scheme.EnsureWriter(actor, scheme.JurisdictionCode, Scheme.ReviseOperation);
        scheme.Revise(content, fromRevision);
        await SchemeSaving.SaveAsync(db, scheme.Id, cancellationToken);
        logger.LogInformation("{Operation}: scheme {Id} of {JurisdictionCode} for {Year} is now revision {Revision}, by {Role}", Scheme.ReviseOperation, scheme.Id,
            scheme.JurisdictionCode, scheme.Year, scheme.Revision, actor.Role.Name());
        return scheme;
    }
}
