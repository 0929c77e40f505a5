using System.Collections.Concurrent;
using System.Security.Claims;
using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// Mints tokens with Ducha's claims: services' tokens for their calls to each other, the development issuer's, tests'.
/// Without <paramref name="credentials"/> (a service outside Development that was given no key of its own) it mints none.
/// </summary>
public sealed class TokenIssuer(SigningCredentials? credentials, IdentityOptions options, JurisdictionTree tree, TimeProvider time)
{
    private static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(5);
    // A service token is sent again for two minutes, so every call still carries one with three minutes to live: signing
    // anew for each call cost an ECDSA signature, and the callee, which remembers the tokens it checked
    // (RememberingTokenHandler), a full check of each new one.
    private static readonly TimeSpan ServiceTokenReuse = TimeSpan.FromMinutes(2);
    private const int MaxReusedTokens = 4096;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> _serviceTokens = new(StringComparer.Ordinal);

    /// <summary>Whether this process has a key to sign with; a service that calls others needs one.</summary>
    public bool CanIssue => credentials is not null;

    /// <summary>An issuer with the development key, for tests and local tools talking to Development services.</summary>
    public static TokenIssuer ForDevelopment()
    {
        var options = new IdentityOptions();
        return new TokenIssuer(new SigningCredentials(options.ResolveKey(isDevelopment: true), SecurityAlgorithms.HmacSha256),
            options, JurisdictionTree.LoadEmbedded(), TimeProvider.System);
    }

    /// <summary>
    /// A token for <paramref name="service"/> calling another Ducha service on behalf of <paramref name="person"/>: it
    /// reaches what the person reaches, says whom it acts for, and is never taken for the person's own.
    /// </summary>
    public string IssueForService(string service, Actor person)
    {
        var (onBehalfOf, onBehalfOfRole) = (person.OnBehalfOf ?? person.Subject, (person.OnBehalfOfRole ?? person.Role).Name());
        return Reused($"{service}\n{person.JurisdictionCode}\n{onBehalfOf}\n{onBehalfOfRole}", () =>
            Issue(person.JurisdictionCode, Role.Service.Name(), service, ServiceTokenLifetime, onBehalfOf: onBehalfOf, onBehalfOfRole: onBehalfOfRole));
    }

    /// <summary>
    /// A token for <paramref name="service"/>'s own work, which no person ordered (keeping a read model current): it reaches
    /// <paramref name="jurisdictionCode"/>'s subtree and names no one it acts for, so the callee takes it for no person's
    /// role (<see cref="Actor.IsAnyOf"/>) and lets it into the operations that name the service only.
    /// </summary>
    public string IssueForServiceItself(string service, string jurisdictionCode) =>
        Reused($"{service}\n{jurisdictionCode}", () => Issue(jurisdictionCode, Role.Service.Name(), service, ServiceTokenLifetime));

    /// <summary>The token issued for <paramref name="key"/> within <see cref="ServiceTokenReuse"/>, or a new one.</summary>
    private string Reused(string key, Func<string> issue)
    {
        var now = time.GetUtcNow();
        if (_serviceTokens.TryGetValue(key, out var issued) && now >= issued.IssuedAt && now - issued.IssuedAt < ServiceTokenReuse) return issued.Token;
        var token = issue();
        // Bounded by the people acting through this process in two minutes; past that, start over rather than grow.
        if (_serviceTokens.Count >= MaxReusedTokens) _serviceTokens.Clear();
        _serviceTokens[key] = (token, now);
        return token;
    }

    public string Issue(string jurisdictionCode, string role, string subject, TimeSpan? lifetime = null, string? unit = null, string? onBehalfOf = null,
        string? onBehalfOfRole = null)
    {
        var jurisdiction = tree.Find(jurisdictionCode)
            ?? throw new ArgumentException($"No jurisdiction has code '{jurisdictionCode}'.", nameof(jurisdictionCode));
        if (!Roles.TryParse(role, out var parsed))
            throw new ArgumentException($"role must be one of {string.Join(", ", Roles.All)}.", nameof(role));
        if (parsed == Role.Handler && string.IsNullOrWhiteSpace(unit))
            throw new ArgumentException("a handler token names the unit the handler works for.", nameof(unit));
        if (unit is not null && (parsed != Role.Handler || unit.Length > 100))
            throw new ArgumentException("unit is for handler tokens only, and at most 100 characters.", nameof(unit));
        if (onBehalfOf is not null && (parsed != Role.Service || string.IsNullOrWhiteSpace(onBehalfOf) || onBehalfOf.Length > 200))
            throw new ArgumentException("on_behalf_of is for service tokens only, and at most 200 characters.", nameof(onBehalfOf));
        if (onBehalfOfRole is not null && (onBehalfOf is null || !Roles.TryParse(onBehalfOfRole, out var personRole) || personRole == Role.Service))
            throw new ArgumentException("on_behalf_of_role goes with on_behalf_of and names a person's role.", nameof(onBehalfOfRole));
        if (credentials is null)
            throw new InvalidOperationException("This service has no key to sign its calls to other services with: set Identity__ServiceSigningKey.");
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
                .. onBehalfOf is null ? Array.Empty<Claim>() : [new Claim(DuchaClaims.OnBehalfOf, onBehalfOf)],
                .. onBehalfOfRole is null ? Array.Empty<Claim>() : [new Claim(DuchaClaims.OnBehalfOfRole, onBehalfOfRole)],
            ]),
        });
    }
}
