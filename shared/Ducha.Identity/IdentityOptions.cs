using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// How tokens are signed and checked. Production sets <c>Identity__SigningKey</c> (base64, at least 32 bytes) and
/// usually its own issuer and audience; Development falls back to a published development key so local runs and
/// tests work without set-up — which is exactly why that key is refused anywhere else.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>For Development only; public in this repository, so worthless as a secret.</summary>
    public const string DevelopmentSigningKey = "ZHVjaGEtZGV2ZWxvcG1lbnQtc2lnbmluZy1rZXktMjYzLW5vdC1mb3ItcHJvZHVjdGlvbg==";

    public string Issuer { get; set; } = "ducha";
    public string Audience { get; set; } = "ducha";
    public string? SigningKey { get; set; }
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public SymmetricSecurityKey ResolveKey(bool isDevelopment)
    {
        var key = SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!isDevelopment)
                throw new InvalidOperationException("Identity:SigningKey (env Identity__SigningKey) must be set outside Development: a base64 key of at least 32 bytes.");
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
