using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>
/// One published version of a bulletin. Versions are hash-chained like case history: each hash covers the version's own
/// fields and the previous version's hash, so a version changed or removed after publication no longer verifies.
/// </summary>
public sealed class BulletinVersion
{
    public required string BulletinId { get; init; }
    public int Number { get; init; }
    /// <summary>The content as published, in its canonical JSON form (what the hash covers and the pages render).</summary>
    public required string ContentJson { get; init; }
    /// <summary>Why a correction was published; null for version 1.</summary>
    public string? Reason { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public required string PublishedBy { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static BulletinVersion Append(BulletinVersion? previous, string bulletinId, string contentJson, string? reason, string by, DateTimeOffset at)
    {
        var number = (previous?.Number ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        return new BulletinVersion
        {
            BulletinId = bulletinId, Number = number, ContentJson = contentJson, Reason = reason, PublishedAt = at, PublishedBy = by,
            PreviousHash = previousHash, Hash = HashOf(bulletinId, number, contentJson, reason, by, at, previousHash),
        };
    }

    /// <summary>Whether this version's hash still matches its fields and follows <paramref name="previous"/>.</summary>
    public bool Follows(BulletinVersion? previous) =>
        Number == (previous?.Number ?? 0) + 1
        && PreviousHash == (previous?.Hash ?? Genesis)
        && Hash == HashOf(BulletinId, Number, ContentJson, Reason, PublishedBy, PublishedAt, PreviousHash);

    private static string HashOf(string bulletinId, int number, string contentJson, string? reason, string by, DateTimeOffset at, string previousHash)
    {
        // Each field is length-prefixed, so no choice of text in one field can pass for another field's.
        var text = new StringBuilder();
        foreach (var field in new[] { previousHash, bulletinId, number.ToString(CultureInfo.InvariantCulture), at.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     by, reason ?? "", contentJson })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
