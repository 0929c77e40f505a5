using System.Text.Encodings.Web;
using System.Text.Json;
using Ducha.Contracts.IntegrationEvents;

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

    public IReadOnlyList<RevealedDrawPair> Pairs => PairsJson is null ? [] : JsonSerializer.Deserialize<List<RevealedDrawPair>>(PairsJson, Json) ?? [];

    public static PublishedDraw Made(DrawMade e) => new()
    {
        Id = e.DrawId, JurisdictionCode = e.JurisdictionCode, Round = e.Round, Targets = e.Targets, Teams = e.Teams, TeamSize = e.TeamSize,
        Commitment = e.Commitment, DrawnAt = e.DrawnAt, ReplacesDrawId = e.ReplacesDrawId, RedrawReason = e.RedrawReason,
    };

    public void Reveal(DrawRevealed e)
    {
        Revealed = true;
        Seed = e.Seed;
        InputsHash = e.InputsHash;
        InputsJson = e.InputsJson;
        PairsJson = JsonSerializer.Serialize(e.Pairs, Json);
        RevealedAt = e.RevealedAt;
    }
}
