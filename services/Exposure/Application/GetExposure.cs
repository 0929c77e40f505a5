using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>A proposed or aired problem, to those who may see it (<see cref="ExposureProblem.CanSee"/>).</summary>
public sealed class GetExposure(ExposureDbContext db, JurisdictionTree tree, ILogger<GetExposure> logger)
{
    public const string Operation = "GetExposure";

    /// <returns>The problem, and why Cases refused to open its case if it did.</returns>
    public async Task<(ExposureProblem Problem, string? CaseRefusal)> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var problem = await db.Exposures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("Exposure", id);
        if (problem.CanSee(actor, tree))
            return (problem, await db.CaseOpenings.Where(o => o.ExposureId == id).Select(o => o.RefusedReason).FirstOrDefaultAsync(cancellationToken));
        logger.LogWarning("Denied {Action} on {Target} to {Caller}: not aired, or outside {CallerJurisdiction}", Operation, problem.Id, actor.ToString(),
            actor.JurisdictionCode);
        throw new PermissionDeniedException($"{Operation}: exposure {problem.Id} is not visible to {actor.JurisdictionCode} (the places concerned see it once aired).");
    }
}
