using Ducha.BuildingBlocks;
using Microsoft.Extensions.Logging;

namespace Ducha.Reference.Jurisdictions;

/// <summary>
/// "An office sees and acts on its own jurisdiction and everything under it, never a sibling's": the one rule every
/// service applies to a jurisdiction a caller names. A refusal is logged with caller and target.
/// </summary>
public static class Reach
{
    public static void EnsureWithin(this JurisdictionTree tree, Actor actor, string code, string action, ILogger logger, string field = "jurisdiction_code")
    {
        if (tree.Find(code) is null)
            throw new RequestValidationException(field, $"'{code}' is not a known GB/T 2260 code");
        if (tree.IsWithin(code, actor.JurisdictionCode)) return;
        logger.LogWarning("Denied {Action} on {Target} to {Caller}: outside {CallerJurisdiction}", action, code, actor.ToString(), actor.JurisdictionCode);
        throw new PermissionDeniedException($"{action}: jurisdiction {code} is outside the caller's jurisdiction {actor.JurisdictionCode}.");
    }
}
