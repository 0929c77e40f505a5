using System.Text.Json;

namespace Ducha.Secondment.Domain;

/// <summary>
/// A 双随机 draw of a level for a round: the seed the service generated, the canonical inputs and the commitment
/// SHA-256(seed + inputs hash) published at once, the pairs of targets and teams, and later the findings. A draw is
/// never redone in place: a second draw for the round is a new record naming this one, which stays, marked replaced.
/// </summary>
public sealed class Draw : JurisdictionRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string Round { get; init; }
    public int Targets { get; init; }
    public int Teams { get; init; }
    public int TeamSize { get; init; }
    public required string Procedure { get; init; }
    public required string Seed { get; init; }
    /// <summary>The canonical inputs exactly as hashed, so that the hash can be recomputed without trusting the registers.</summary>
    public required string InputsJson { get; init; }
    public required string InputsHash { get; init; }
    public required string Commitment { get; init; }
    /// <summary>The level's draw of another round just before this one: its pairs may not repeat (not twice in a row).</summary>
    public string? PreviousDrawId { get; init; }
    public string? ReplacesDrawId { get; init; }
    public string? RedrawReason { get; init; }
    public string? ReplacedByDrawId { get; private set; }
    public DateTimeOffset DrawnAt { get; init; }
    public bool Revealed { get; private set; }
    public DateTimeOffset? RevealedAt { get; private set; }
    public string PairsJson { get; private set; } = "[]";
    public int Version { get; private set; }

    public IReadOnlyList<DrawnPair> Pairs => JsonSerializer.Deserialize<List<DrawnPair>>(PairsJson, Json) ?? [];

    /// <summary>
    /// A new draw for <paramref name="round"/>. <paramref name="current"/> is the round's draw in force, if any: then a
    /// reason is required and this draw replaces it, visibly.
    /// </summary>
    public static Draw Make(string jurisdictionCode, DrawProcedure.Counts counts, string seed, DrawProcedure.Outcome outcome, IReadOnlyList<DrawnPair> pairs,
        string? previousDrawId, Draw? current, string? redrawReason, string? idempotencyKey, DateTimeOffset now)
    {
        var reason = string.IsNullOrWhiteSpace(redrawReason) ? null : redrawReason.Trim();
        if (current is not null && reason is null)
            throw new DomainRuleException($"本轮（{counts.Round}）已有抽取结果，重新抽取须说明理由；原抽取记录保留并公开", "redraw_reason");
        if (current is null && reason is not null)
            throw new DomainRuleException($"本轮（{counts.Round}）尚无抽取结果，首次抽取不填重新抽取理由", "redraw_reason");
        var draw = new Draw
        {
            JurisdictionCode = jurisdictionCode,
            Round = counts.Round,
            Targets = counts.Targets,
            Teams = counts.Teams,
            TeamSize = counts.TeamSize,
            Procedure = Ducha.BuildingBlocks.Sampling.ReproducibleDraw.Procedure,
            Seed = seed,
            InputsJson = outcome.InputsJson,
            InputsHash = outcome.InputsHash,
            Commitment = outcome.Commitment,
            PreviousDrawId = previousDrawId,
            ReplacesDrawId = current?.Id,
            RedrawReason = reason,
            DrawnAt = now,
            IdempotencyKey = idempotencyKey,
            PairsJson = JsonSerializer.Serialize(pairs, Json),
        };
        current?.MarkReplacedBy(draw.Id);
        return draw;
    }

    private void MarkReplacedBy(string drawId)
    {
        ReplacedByDrawId = drawId;
        Version++;
    }

    public void RecordFinding(string targetId, string findings)
    {
        EnsureOpen("记录检查结果");
        var pairs = Pairs.ToList();
        var index = pairs.FindIndex(p => p.TargetId == targetId);
        if (index < 0) throw new DomainRuleException($"检查对象 {targetId} 不在本次抽取结果中", "target_id");
        pairs[index] = pairs[index] with { Findings = findings.Trim() };
        PairsJson = JsonSerializer.Serialize(pairs, Json);
        Version++;
    }

    /// <summary>Reveals the draw with its results: every drawn target needs its findings first.</summary>
    public void Reveal(DateTimeOffset now)
    {
        EnsureOpen("公开");
        var missing = Pairs.Count(p => string.IsNullOrWhiteSpace(p.Findings));
        if (missing > 0) throw new DomainRuleException($"还有 {missing} 个检查对象未记录检查结果，结果齐全后方可公开");
        Revealed = true;
        RevealedAt = now;
        Version++;
    }

    private void EnsureOpen(string action)
    {
        if (ReplacedByDrawId is not null) throw new DomainRuleException($"本次抽取已被重新抽取（{ReplacedByDrawId}）取代，不能再{action}");
        if (Revealed) throw new DomainRuleException($"本次抽取已公开，不能再{action}");
    }
}

/// <summary>A drawn target with its team: names, units and home jurisdictions as registered when drawn.</summary>
public sealed record DrawnPair(string TargetId, string TargetName, string TargetJurisdictionCode, RiskClass Risk, int Team,
    IReadOnlyList<DrawnInspector> Inspectors, string? Findings);

public sealed record DrawnInspector(string Id, string? CadreId, string Name, string Unit, string HomeJurisdictionCode);
