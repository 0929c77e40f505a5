using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>
/// Who reads a sheet: the assessed party itself (its office, its units — every point with its cause) and every level
/// above it; not a sibling, not a jurisdiction below it, not another department of the same level.
/// </summary>
public sealed class SheetReach(JurisdictionTree tree, ILogger<SheetReach> logger)
{
    public void EnsureMayRead(Actor actor, AssessedParty party, string operation)
    {
        actor.Require(operation, Role.Office, Role.Assessor, Role.Handler, Role.LeadDepartment, Role.Discipline, Role.Organization);
        tree.EnsureWithin(actor, party.JurisdictionCode, operation, logger);
        if (party.Department is { } department && actor.JurisdictionCode == party.JurisdictionCode && actor.Unit is { } unit && unit != department)
        {
            logger.LogWarning("Denied {Operation} on {Party} to {Caller}: another department's sheet", operation, party.ToString(), actor.ToString());
            throw new PermissionDeniedException($"{operation}: the sheet of {department} is read by that department and the levels above, not by {unit}.");
        }
    }

    /// <summary>The whole level's results (its office and assessors, and those of every level above it; the caller names the roles).</summary>
    public void EnsureMayReadLevel(Actor actor, string assessor, string operation) => tree.EnsureWithin(actor, assessor, operation, logger);

    /// <summary>Acting for the level (freezing, vetoing): its own office or assessors, nobody above or beside it.</summary>
    public void EnsureAssessingLevel(Actor actor, string assessor, string operation, string field = "jurisdiction_code")
    {
        actor.Require(operation, Role.Office, Role.Assessor);
        if (tree.Find(assessor) is null) throw new RequestValidationException(field, $"'{assessor}' is not a known GB/T 2260 code");
        if (actor.JurisdictionCode == assessor) return;
        logger.LogWarning("Denied {Operation} for {Assessor} to {Caller}: not the assessing level", operation, assessor, actor.ToString());
        throw new PermissionDeniedException($"{operation}: only the office or assessors of {assessor}, the assessing level, may do this; not {actor.JurisdictionCode}.");
    }
}
