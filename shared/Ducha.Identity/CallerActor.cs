using Ducha.BuildingBlocks;

namespace Ducha.Identity;

public static class CallerActor
{
    /// <summary>The caller in domain terms; a token whose role is none of <see cref="Roles.All"/> acts for no one.</summary>
    public static Actor ToActor(this Caller caller) => Roles.TryParse(caller.Role, out var role)
        ? new Actor(caller.Subject, role, caller.JurisdictionCode, caller.Level, caller.Unit)
        : throw new PermissionDeniedException($"The token's role '{caller.Role}' is not one of {string.Join(", ", Roles.All)}.");
}
