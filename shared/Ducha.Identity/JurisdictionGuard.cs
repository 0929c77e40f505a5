using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ducha.Identity;

/// <summary>
/// An office sees and acts on its own jurisdiction and everything under it, never a sibling's: each level supervises
/// the one below it (一级抓一级), and no office reaches across into a neighbour's work.
/// Every read and write of a jurisdiction's data passes here; a refusal is logged with caller and target.
/// </summary>
public sealed class JurisdictionGuard(IHttpContextAccessor http, JurisdictionTree tree, ILogger<JurisdictionGuard> logger)
{
    /// <summary>The caller; the authorization policy has already refused tokens that speak for no one.</summary>
    public Actor Caller => ClaimsActor.From(http.HttpContext?.User)
        ?? throw new PermissionDeniedException("The call carries no Ducha identity.");

    /// <summary>Refuses <paramref name="operation"/> unless the caller has one of the roles it names.</summary>
    public Actor Require(string operation, params ReadOnlySpan<Role> roles)
    {
        var caller = Caller;
        caller.Require(operation, roles);
        return caller;
    }

    public bool CanReach(string jurisdictionCode) => tree.IsWithin(jurisdictionCode, Caller.JurisdictionCode);

    public void EnsureWithin(string jurisdictionCode, string action) => tree.EnsureWithin(Caller, jurisdictionCode, action, logger);
}
