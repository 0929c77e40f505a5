using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ducha.Cases.Domain;

namespace Ducha.Cases.Confidentiality;

/// <summary>
/// Seals reporter identities with AES-256-GCM under a key from configuration (<c>Cases__ReporterKey</c>, base64 32
/// bytes). The case id is bound in as associated data, so a sealed identity moved to another case does not open.
/// Development uses a published key so local runs work; elsewhere a missing key stops the service from starting.
/// </summary>
public sealed class ReporterProtector
{
    public const string ConfigurationKey = "Cases:ReporterKey";
    private const string DevelopmentKey = "ZHVjaGEtZGV2LXJlcG9ydGVyLWtleS0zMi1ieXRlcyE=";
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _key;

    public ReporterProtector(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException($"{ConfigurationKey} (env Cases__ReporterKey) must be set outside Development: a base64 AES-256 key.");
            configured = DevelopmentKey;
        }
        else if (!environment.IsDevelopment() && configured == DevelopmentKey)
        {
            throw new InvalidOperationException($"{ConfigurationKey} is the published development key; set a secret one.");
        }
        _key = Convert.FromBase64String(configured);
        if (_key.Length != 32) throw new InvalidOperationException($"{ConfigurationKey} must be 32 bytes (base64-encoded).");
    }

    public string Seal(string caseId, ReporterIdentity reporter)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(reporter);
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(caseId));
        return Convert.ToBase64String(sealedBytes);
    }

    public ReporterIdentity Open(string caseId, string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext,
            Encoding.UTF8.GetBytes(caseId));
        return JsonSerializer.Deserialize<ReporterIdentity>(plaintext)!;
    }
}
