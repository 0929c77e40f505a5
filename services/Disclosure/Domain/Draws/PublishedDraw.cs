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
    public int Targets { get; private set; }
    public int Teams { get; private set; }
    public int TeamSize { get; private set; }
    public required string Commitment { get; init; }
    public DateTimeOffset DrawnAt { get; private set; }
    public string? ReplacesDrawId { get; private set; }
    public string? RedrawReason { get; private set; }
    /// <summary>
    /// Whether the draw's own event has arrived. A reveal can overtake it on the bus; the draw is then kept from the reveal
    /// but not shown until the draw time and counts arrive, so the public never reads half a record.
    /// </summary>
    public bool Made { get; private set; }
    public bool Revealed { get; private set; }
    public string? Seed { get; private set; }
    public string? InputsHash { get; private set; }
    public string? InputsJson { get; private set; }
    public string? PairsJson { get; private set; }
    public DateTimeOffset? RevealedAt { get; private set; }

    public IReadOnlyList<PublishedDrawPair> Pairs => PairsJson is null ? [] : JsonSerializer.Deserialize<List<PublishedDrawPair>>(PairsJson, Json) ?? [];

    public static PublishedDraw Drawn(string id, string jurisdictionCode, string round, string commitment, int targets, int teams, int teamSize,
        DateTimeOffset drawnAt, string? replacesDrawId, string? redrawReason)
    {
        var draw = new PublishedDraw { Id = id, JurisdictionCode = jurisdictionCode, Round = round, Commitment = commitment };
        draw.Complete(targets, teams, teamSize, drawnAt, replacesDrawId, redrawReason);
        return draw;
    }

    /// <summary>The reveal came first: the draw waits, unseen, for its own event.</summary>
    public static PublishedDraw AwaitingDraw(string id, string jurisdictionCode, string round, string commitment) =>
        new() { Id = id, JurisdictionCode = jurisdictionCode, Round = round, Commitment = commitment };

    /// <summary>The draw's own event: its time, counts and what it replaced. Only the first one counts.</summary>
    public void Complete(int targets, int teams, int teamSize, DateTimeOffset drawnAt, string? replacesDrawId, string? redrawReason)
    {
        if (Made) return;
        (Targets, Teams, TeamSize, DrawnAt, ReplacesDrawId, RedrawReason, Made) = (targets, teams, teamSize, drawnAt, replacesDrawId, redrawReason, true);
    }

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
