using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>
/// The office or an assessor of the scheme's jurisdiction puts a draft in force for its year; the scheme in force for
/// an earlier year of the same jurisdiction and audience is superseded from this year on.
/// </summary>
public sealed class PutSchemeInForce(AssessmentDbContext db, TimeProvider time, ILogger<PutSchemeInForce> logger)
{
    public async Task<Scheme> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Scheme), id);
        Scheme.EnsureWriter(actor, scheme.JurisdictionCode, Scheme.PutInForceOperation);
        var inForce = await db.Schemes
            .Where(s => s.JurisdictionCode == scheme.JurisdictionCode && s.Audience == scheme.Audience && s.State == SchemeState.InForce)
            .ToListAsync(cancellationToken);
        var superseded = scheme.PutInForce(inForce, time.GetStoredUtcNow());
        await SchemeSaving.SaveAsync(db, scheme.Id, cancellationToken);
        logger.LogInformation("{Operation}: scheme {Id} of {JurisdictionCode} ({Audience}) in force from {Year}, superseding {Superseded}, by {Role}",
            Scheme.PutInForceOperation, scheme.Id, scheme.JurisdictionCode, scheme.Audience, scheme.Year, superseded?.Id ?? "none", actor.Role.Name());
        return scheme;
    }
}
