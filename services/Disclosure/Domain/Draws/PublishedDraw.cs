using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ducha.Disclosure.Domain.Draws;

/// <summary>
/// A 双随机 draw as the public sees it: the commitment from draw time; once revealed, the seed, the inputs and their
/// hash, and the pairs with findings (inspectors by name and unit only), so anyone can check the draw.
/// </summary>
public sealed class PublishedDraw
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required string Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Round { get; init; }
    public int Targets { get; init; }
    public int Teams { get; init; }
    public int TeamSize { get; init; }
    public required string Commitment { get; init; }
    public DateTimeOffset DrawnAt { get; init; }
    public string? ReplacesDrawId { get; init; }
    public string? RedrawReason { get; init; }
    public bool Revealed { get; private set; }
    public string? Seed { get; private set; }
    public string? InputsHash { get; private set; }
    public string? InputsJson { get; private set; }
    public string? PairsJson { get; private set; }
    public DateTimeOffset? RevealedAt { get; private set; }

    public IReadOnlyList<PublishedDrawPair> Pairs => PairsJson is null ? [] : JsonSerializer.Deserialize<List<PublishedDrawPair>>(PairsJson, Json) ?? [];

    public void Reveal(string seed, string inputsHash, string inputsJson, IReadOnlyList<PublishedDrawPair> pairs, DateTimeOffset revealedAt)
    {
        Revealed = true;
        Seed = seed;
        InputsHash = inputsHash;
        InputsJson = inputsJson;
        PairsJson = JsonSerializer.Serialize(pairs, Json);
        RevealedAt = revealedAt;
    }
}

/// <summary>A drawn target with its team's inspectors (name and unit only) and the findings.</summary>
public sealed record PublishedDrawPair(string TargetName, string TargetJurisdictionCode, string Risk, int Team, IReadOnlyList<PublishedInspector> Inspectors,
    string Findings);

public sealed record PublishedInspector(string Name, string Unit);
