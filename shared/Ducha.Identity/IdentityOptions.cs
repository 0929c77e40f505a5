using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// How tokens are signed and checked. Two ways to run outside Development:
/// <list type="bullet">
/// <item>With <see cref="Authority"/> (the province's identity provider): people's tokens come from the provider and
/// are checked against its published keys; services sign their calls to each other with keys of their own
/// (<see cref="ServiceSigningKey"/>, <see cref="ServiceKeys"/>). No secret is shared by anyone.</item>
/// <item>Without it: every token is signed with <see cref="SigningKey"/> (HMAC), a secret all services share.</item>
/// </list>
/// Development falls back to a published development key so local runs and tests work without set-up — which is
/// exactly why that key is refused anywhere else.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>For Development only; public in this repository, so worthless as a secret.</summary>
    public const string DevelopmentSigningKey = "ZHVjaGEtZGV2ZWxvcG1lbnQtc2lnbmluZy1rZXktMjYzLW5vdC1mb3ItcHJvZHVjdGlvbg==";

    /// <summary>The issuer of the tokens Ducha signs itself (development tokens, services' own calls).</summary>
    public string Issuer { get; set; } = "ducha";
    /// <summary>The audience every accepted token names: Ducha's own and the provider's alike.</summary>
    public string Audience { get; set; } = "ducha";
    public string? SigningKey { get; set; }
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The province's identity provider (its issuer URL, <c>https://idp.example.gov.cn/</c>): its discovery document and
    /// signing keys are read from <c>{Authority}/.well-known/openid-configuration</c>. HTTPS unless it is this machine.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Which of the provider's claims say where a person sits and what they do there.</summary>
    public ProviderClaimNames Claims { get; set; } = new();

    /// <summary>
    /// This service's private key for its calls to other services when <see cref="Authority"/> is set: an ECDSA P-256
    /// key in PEM. Its replicas share it; no other service holds it.
    /// </summary>
    public string? ServiceSigningKey { get; set; }

    /// <summary>
    /// The public keys (PEM, one or more per service, so a key can be rolled over) of the services allowed to call this
    /// one, by service name: a token signed with disclosure's key is taken only as disclosure's.
    /// </summary>
    public Dictionary<string, string> ServiceKeys { get; set; } = new(StringComparer.Ordinal);

    public bool UsesProvider => !string.IsNullOrWhiteSpace(Authority);

    public SymmetricSecurityKey ResolveKey(bool isDevelopment)
    {
        var key = SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!isDevelopment)
                throw new InvalidOperationException("Identity:SigningKey (env Identity__SigningKey) must be set outside Development: a base64 key of at least 32 bytes. "
                    + "Or set Identity__Authority to take people's tokens from the province's identity provider.");
            key = DevelopmentSigningKey;
        }
        else if (!isDevelopment && key == DevelopmentSigningKey)
        {
            throw new InvalidOperationException("Identity:SigningKey is the published development key; set a secret one.");
        }
        var bytes = Convert.FromBase64String(key);
        if (bytes.Length < 32) throw new InvalidOperationException("Identity:SigningKey must be at least 32 bytes (base64-encoded).");
        return new SymmetricSecurityKey(bytes) { KeyId = "ducha" };
    }
}

/// <summary>
/// The provider's names for Ducha's claims (<see cref="DuchaClaims"/>): a provider that calls the jurisdiction
/// <c>org_code</c> is configured with <c>Identity__Claims__Jurisdiction=org_code</c>. The values must be Ducha's: a
/// GB/T 2260 code, one of the roles, a unit's registered name.
/// </summary>
public sealed class ProviderClaimNames
{
    public string Jurisdiction { get; set; } = DuchaClaims.Jurisdiction;
    /// <summary>Optional on the provider's side: the jurisdiction's level is known from the tree, and a level that
    /// contradicts it makes the token speak for no one.</summary>
    public string Level { get; set; } = DuchaClaims.Level;
    public string Role { get; set; } = DuchaClaims.Role;
    public string Unit { get; set; } = DuchaClaims.Unit;
    /// <summary>The person's name as pages show it.</summary>
    public string Name { get; set; } = "name";
}
