using System.Security.Claims;
using Ducha.Reference.Jurisdictions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>Mints tokens with Ducha's claims; used by the development issuer and by tests.</summary>
public sealed class TokenIssuer(SigningCredentials credentials, IdentityOptions options, JurisdictionTree tree, TimeProvider time)
{
    /// <summary>An issuer with the development key, for tests and local tools talking to Development services.</summary>
    public static TokenIssuer ForDevelopment()
    {
        var options = new IdentityOptions();
        return new TokenIssuer(new SigningCredentials(options.ResolveKey(isDevelopment: true), SecurityAlgorithms.HmacSha256),
            options, JurisdictionTree.LoadEmbedded(), TimeProvider.System);
    }

    public string Issue(string jurisdictionCode, string role, string subject, TimeSpan? lifetime = null, string? unit = null)
    {
        var jurisdiction = tree.Find(jurisdictionCode)
            ?? throw new ArgumentException($"No jurisdiction has code '{jurisdictionCode}'.", nameof(jurisdictionCode));
        if (!DuchaClaims.Roles.Contains(role))
            throw new ArgumentException($"role must be one of {string.Join(", ", DuchaClaims.Roles)}.", nameof(role));
        if (unit is not null && (role != "handler" || string.IsNullOrWhiteSpace(unit) || unit.Length > 100))
            throw new ArgumentException("unit is for handler tokens only, and at most 100 characters.", nameof(unit));
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.DevelopmentTokenLifetime),
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject),
                new Claim(DuchaClaims.Jurisdiction, jurisdiction.Code),
                new Claim(DuchaClaims.Level, jurisdiction.Level.ToString().ToLowerInvariant()),
                new Claim(DuchaClaims.Role, role),
                .. unit is null ? Array.Empty<Claim>() : [new Claim(DuchaClaims.Unit, unit.Trim())],
            ]),
        });
    }
}
