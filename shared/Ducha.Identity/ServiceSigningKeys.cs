using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// The keys Ducha signs its own tokens with and the keys it takes them from, in whichever way identity is set up
/// (<see cref="IdentityOptions"/>). Each trusted key may carry the one service it speaks for (<see cref="OwnerOf"/>).
/// </summary>
public sealed partial class ServiceSigningKeys
{
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);

    private ServiceSigningKeys(SigningCredentials? signing, IReadOnlyList<SecurityKey> trusted, IEnumerable<(string KeyId, string? Owner)> owners)
    {
        Signing = signing;
        Trusted = trusted;
        foreach (var (keyId, owner) in owners) _owners[keyId] = owner;
    }

    /// <summary>What this process signs its tokens with; null when it has no key to sign with (it then calls no one).</summary>
    public SigningCredentials? Signing { get; }

    /// <summary>Every key a token signed by Ducha itself may carry.</summary>
    public IReadOnlyList<SecurityKey> Trusted { get; }

    public bool IsTrusted(SecurityKey? key) => key?.KeyId is { } id && _owners.ContainsKey(id);

    /// <summary>The service a key belongs to, or null when it may sign for any (this process's own key, a shared secret).</summary>
    public string? OwnerOf(SecurityKey key) => key.KeyId is { } id ? _owners.GetValueOrDefault(id) : null;

    public static ServiceSigningKeys From(IdentityOptions options, bool isDevelopment)
    {
        if (!options.UsesProvider)
        {
            var shared = options.ResolveKey(isDevelopment);
            return new ServiceSigningKeys(new SigningCredentials(shared, SecurityAlgorithms.HmacSha256), [shared], [(shared.KeyId!, null)]);
        }

        var trusted = new List<SecurityKey>();
        var owners = new List<(string, string?)>();
        SigningCredentials? signing = null;
        if (!string.IsNullOrWhiteSpace(options.ServiceSigningKey))
        {
            var own = PrivateKey(options.ServiceSigningKey, "Identity:ServiceSigningKey");
            signing = new SigningCredentials(own, SecurityAlgorithms.EcdsaSha256);
            trusted.Add(own);
            owners.Add((own.KeyId!, null));
        }
        foreach (var (service, pem) in options.ServiceKeys)
        {
            foreach (var key in PublicKeys(pem, $"Identity:ServiceKeys:{service}"))
            {
                trusted.Add(key);
                owners.Add((key.KeyId!, service));
            }
        }
        if (isDevelopment)
        {
            // Development keeps its published key beside the provider, so local runs and tests can still mint tokens.
            var development = new IdentityOptions().ResolveKey(isDevelopment: true);
            signing ??= new SigningCredentials(development, SecurityAlgorithms.HmacSha256);
            trusted.Add(development);
            owners.Add((development.KeyId!, null));
        }
        return new ServiceSigningKeys(signing, trusted, owners);
    }

    /// <summary>A PEM private key (ECDSA P-256), named by the thumbprint of its public half so callees can find it.</summary>
    public static ECDsaSecurityKey PrivateKey(string pem, string setting)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{setting} is no PEM ECDSA private key.", ex);
        }
        if (ecdsa.KeySize != 256) throw new InvalidOperationException($"{setting} must be a P-256 key.");
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = KeyIdOf(ecdsa);
        return key;
    }

    /// <summary>Each <c>PUBLIC KEY</c> block of <paramref name="pem"/>: several while one key is rolled over to the next.</summary>
    public static IEnumerable<ECDsaSecurityKey> PublicKeys(string pem, string setting)
    {
        var blocks = PublicKeyBlock().Matches(pem);
        if (blocks.Count == 0) throw new InvalidOperationException($"{setting} holds no PEM public key.");
        foreach (Match block in blocks)
        {
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(block.Value);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"{setting} holds a block that is no ECDSA public key.", ex);
            }
            yield return new ECDsaSecurityKey(ecdsa) { KeyId = KeyIdOf(ecdsa) };
        }
    }

    /// <summary>The key's JWK thumbprint (RFC 7638): the same id whether computed from the private or the public half.</summary>
    private static string KeyIdOf(ECDsa ecdsa)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))));
        return Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
    }

    [GeneratedRegex("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PublicKeyBlock();
}
