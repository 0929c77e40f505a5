using System.Security.Claims;
using Ducha.BuildingBlocks;

namespace Ducha.Identity;

/// <summary>Who is calling, as their token says, in domain terms.</summary>
public static class ClaimsActor
{
    /// <summary>
    /// The actor a token speaks for, or null when it speaks for no one: no jurisdiction, a role that is none of
    /// <see cref="Roles.All"/>, a handler without the unit they work for, or a unit claimed by anyone but a handler.
    /// </summary>
    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var jurisdiction = user.FindFirstValue(DuchaClaims.Jurisdiction);
        if (string.IsNullOrEmpty(jurisdiction) || !Roles.TryParse(user.FindFirstValue(DuchaClaims.Role), out var role)) return null;
        var unit = user.FindFirstValue(DuchaClaims.Unit) is { Length: > 0 } u ? u : null;
        if ((role == Role.Handler) != (unit is not null)) return null;
        var onBehalfOf = user.FindFirstValue(DuchaClaims.OnBehalfOf) is { Length: > 0 } person ? person : null;
        if (onBehalfOf is not null && role != Role.Service) return null;
        Role? onBehalfOfRole = null;
        if (user.FindFirstValue(DuchaClaims.OnBehalfOfRole) is { Length: > 0 } personRole)
        {
            // A role without the person it belongs to, or a service acting for a service, speaks for no one.
            if (onBehalfOf is null || !Roles.TryParse(personRole, out var parsedRole) || parsedRole == Role.Service) return null;
            onBehalfOfRole = parsedRole;
        }
        return new Actor(user.FindFirstValue("sub") ?? "?", role, jurisdiction, user.FindFirstValue(DuchaClaims.Level) ?? "?", unit, onBehalfOf, onBehalfOfRole);
    }
}
