using System.Security.Claims;
using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Identity;

/// <summary>
/// A person's token from the province's identity provider, read as a Ducha caller: the provider's claims (named as
/// <see cref="ProviderClaimNames"/> says) become Ducha's (<see cref="DuchaClaims"/>), so every service and
/// <see cref="ClaimsActor"/> treat it exactly as a token Ducha signed. Whatever cannot be read safely is left out, and a
/// token missing what it needs then speaks for no one (403), never for someone else.
/// </summary>
public static class ProviderClaims
{
    public static ClaimsIdentity ToDucha(ClaimsPrincipal provider, ProviderClaimNames names, JurisdictionTree tree, string authenticationType)
    {
        var claims = new List<Claim>();
        if (Single(provider, "sub") is { } subject) claims.Add(new Claim("sub", subject));
        if (Single(provider, names.Name) is { } name) claims.Add(new Claim("name", name));

        var jurisdiction = Single(provider, names.Jurisdiction);
        var claimedLevel = Single(provider, names.Level)?.ToLowerInvariant();
        var place = jurisdiction is null ? null : tree.Find(jurisdiction);
        var level = place?.Level.ToString().ToLowerInvariant() ?? claimedLevel;
        // A level that contradicts the tree means the provider and Ducha disagree on where this person sits: trust neither.
        if (jurisdiction is not null && (place is null || claimedLevel is null || claimedLevel == level))
        {
            claims.Add(new Claim(DuchaClaims.Jurisdiction, jurisdiction));
            if (level is not null) claims.Add(new Claim(DuchaClaims.Level, level));
        }

        // A person's token never makes its bearer a Ducha service: those tokens are Ducha's own, signed by the services.
        if (Single(provider, names.Role) is { } role && role != Role.Service.Name()) claims.Add(new Claim(DuchaClaims.Role, role));
        if (Single(provider, names.Unit) is { } unit) claims.Add(new Claim(DuchaClaims.Unit, unit.Trim()));
        return new ClaimsIdentity(claims, authenticationType, "name", DuchaClaims.Role);
    }

    /// <summary>The claim's one non-empty value; several values are as good as none, since we cannot tell which one holds.</summary>
    private static string? Single(ClaimsPrincipal principal, string type)
    {
        string? found = null;
        foreach (var claim in principal.FindAll(type))
        {
            if (found is not null || string.IsNullOrWhiteSpace(claim.Value)) return null;
            found = claim.Value;
        }
        return found;
    }
}
