using System.Security.Cryptography;
using System.Text;
using Ducha.BuildingBlocks.Sampling;

namespace Ducha.Secondment.Domain;

/// <summary>
/// The 双随机 draw as anyone can recompute it from the seed and the inputs (specified in docs/sampling.md, section
/// "Draws", with a vector from an independent implementation): targets by risk stratum with largest remainders, each
/// stratum drawn with <see cref="ReproducibleDraw"/> under its own sub-seed; inspectors shuffled under another; targets
/// dealt to teams in turn; each team filled greedily in the shuffled order with inspectors free of 回避 for all its targets.
/// </summary>
public static class DrawProcedure
{
    public sealed record TargetCandidate(string Id, RiskClass Risk, string JurisdictionCode, string Name);
    public sealed record InspectorCandidate(string Id, string Unit, string HomeJurisdictionCode);
    public sealed record Counts(string Round, int Targets, int Teams, int TeamSize);
    public sealed record Pairing(string TargetId, int Team, IReadOnlyList<string> InspectorIds);
    public sealed record Outcome(string InputsJson, string InputsHash, string Commitment, IReadOnlyList<Pairing> Pairs);

    public static readonly RiskClass[] Strata = [RiskClass.High, RiskClass.Medium, RiskClass.Low];

    public static string StratumName(RiskClass risk) => risk.ToString().ToUpperInvariant();

    /// <summary>The draw of <paramref name="seed"/>; a rule that cannot be met is a <see cref="DomainRuleException"/> saying which.</summary>
    public static Outcome Run(string seed, Counts counts, IReadOnlyCollection<TargetCandidate> targets, IReadOnlyCollection<InspectorCandidate> inspectors,
        string? previousDrawId, IReadOnlySet<(string InspectorId, string TargetId)> previousPairs)
    {
        if (counts.Targets < 1 || counts.Teams < 1 || counts.TeamSize < 1)
            throw new DomainRuleException("抽取对象数、组数和每组人数都须至少为 1", "targets");
        if (counts.Targets > targets.Count)
            throw new DomainRuleException($"检查对象名录只有 {targets.Count} 个对象，不足抽取 {counts.Targets} 个", "targets");
        if (counts.Teams * counts.TeamSize > inspectors.Count)
            throw new DomainRuleException($"执法检查人员名录只有 {inspectors.Count} 人，不足组成 {counts.Teams} 个 {counts.TeamSize} 人检查组", "teams");
        if (counts.Teams > counts.Targets)
            throw new DomainRuleException("组数不能多于抽取的检查对象数（每组至少一个对象）", "teams");

        var inputsJson = CanonicalInputs(counts, targets, inspectors, previousDrawId);
        var inputsHash = Sha256Hex(inputsJson);
        var commitment = Sha256Hex(seed + inputsHash);

        var drawn = DrawTargets(seed, counts.Targets, targets);
        var order = ReproducibleDraw.Draw(seed + ":inspectors", inspectors.Select(i => i.Id), inspectors.Count);
        var byId = inspectors.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<Pairing>();
        for (var team = 1; team <= counts.Teams; team++)
        {
            // Target i (0-based, in drawn order) goes to team i mod teams + 1: teams differ by at most one target.
            var teamTargets = drawn.Where((_, i) => i % counts.Teams == team - 1).ToList();
            var members = new List<string>();
            foreach (var id in order)
            {
                if (members.Count == counts.TeamSize) break;
                if (used.Contains(id) || teamTargets.Any(t => Conflicts(byId[id], t, previousPairs))) continue;
                members.Add(id);
                used.Add(id);
            }

            if (members.Count < counts.TeamSize)
                throw new DomainRuleException(
                    $"第 {team} 组凑不齐 {counts.TeamSize} 名无需回避的检查人员（本地或本单位回避、不得连续两次检查同一对象）；请扩充执法检查人员名录或减少组数、每组人数",
                    "teams");
            pairs.AddRange(teamTargets.Select(t => new Pairing(t.Id, team, members)));
        }

        // Pairs in drawn order of targets, so the list reads as the targets were drawn.
        var position = drawn.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new Outcome(inputsJson, inputsHash, commitment, pairs.OrderBy(p => position[p.TargetId]).ToList());
    }

    /// <summary>
    /// 回避: the inspector's home jurisdiction contains the target's or lies within it, the target is the inspector's own
    /// unit, or the inspector inspected the target in the level's previous draw.
    /// </summary>
    public static bool Conflicts(InspectorCandidate inspector, TargetCandidate target, IReadOnlySet<(string, string)> previousPairs) =>
        IsWithin(target.JurisdictionCode, inspector.HomeJurisdictionCode)
        || IsWithin(inspector.HomeJurisdictionCode, target.JurisdictionCode)
        || string.Equals(inspector.Unit, target.Name, StringComparison.Ordinal)
        || previousPairs.Contains((inspector.Id, target.Id));

    /// <summary>
    /// Containment on the GB/T 2260 code alone, so a recomputation needs no tree: a code's significant prefix drops its
    /// trailing "00" pairs (320000 → 32, 320500 → 3205, 320505 → 320505); <paramref name="code"/> is within
    /// <paramref name="area"/> when it starts with the area's significant prefix.
    /// </summary>
    public static bool IsWithin(string code, string area) => code.StartsWith(SignificantPrefix(area), StringComparison.Ordinal);

    public static string SignificantPrefix(string code)
    {
        var prefix = code;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal)) prefix = prefix[..^2];
        return prefix;
    }

    /// <summary>
    /// Largest remainders: stratum s of N_s candidates gets floor(n·N_s/N); the rest go one each to the strata with the
    /// largest remainder n·N_s mod N, ties in stratum order HIGH, MEDIUM, LOW. Each stratum is drawn under
    /// seed + ":targets:" + its name; the drawn list is HIGH then MEDIUM then LOW, each in draw order.
    /// </summary>
    internal static List<TargetCandidate> DrawTargets(string seed, int count, IReadOnlyCollection<TargetCandidate> targets)
    {
        var total = targets.Count;
        var strata = Strata.Select(risk => targets.Where(t => t.Risk == risk).ToList()).ToList();
        var quotas = strata.Select(s => (long)count * s.Count / total).Select(q => (int)q).ToArray();
        var left = count - quotas.Sum();
        foreach (var s in Enumerable.Range(0, strata.Count).OrderByDescending(s => (long)count * strata[s].Count % total).ThenBy(s => s).Take(left))
            quotas[s]++;

        var drawn = new List<TargetCandidate>();
        for (var s = 0; s < strata.Count; s++)
        {
            var byId = strata[s].ToDictionary(t => t.Id, StringComparer.Ordinal);
            drawn.AddRange(ReproducibleDraw.Draw(seed + ":targets:" + StratumName(Strata[s]), byId.Keys, quotas[s]).Select(id => byId[id]));
        }

        return drawn;
    }

    /// <summary>
    /// The inputs as one line of JSON, keys in this order, no spaces, ids sorted by UTF-8 bytes:
    /// {"procedure":…,"round":…,"targets":n,"teams":n,"team_size":n,"previous_draw_id":…|null,
    /// "target_ids":{"HIGH":[…],"MEDIUM":[…],"LOW":[…]},"inspector_ids":[…]}. Strings escaped as JSON.stringify does.
    /// </summary>
    public static string CanonicalInputs(Counts counts, IEnumerable<TargetCandidate> targets, IEnumerable<InspectorCandidate> inspectors, string? previousDrawId)
    {
        var all = targets.ToList();
        var json = new StringBuilder("{");
        json.Append("\"procedure\":").Append(Quote(ReproducibleDraw.Procedure));
        json.Append(",\"round\":").Append(Quote(counts.Round));
        json.Append(",\"targets\":").Append(counts.Targets);
        json.Append(",\"teams\":").Append(counts.Teams);
        json.Append(",\"team_size\":").Append(counts.TeamSize);
        json.Append(",\"previous_draw_id\":").Append(previousDrawId is null ? "null" : Quote(previousDrawId));
        json.Append(",\"target_ids\":{");
        json.AppendJoin(',', Strata.Select(risk => Quote(StratumName(risk)) + ":" + List(all.Where(t => t.Risk == risk).Select(t => t.Id))));
        json.Append("},\"inspector_ids\":").Append(List(inspectors.Select(i => i.Id)));
        return json.Append('}').ToString();
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string List(IEnumerable<string> ids) =>
        "[" + string.Join(',', ids.OrderBy(id => Encoding.UTF8.GetBytes(id), Utf8Order.Instance).Select(Quote)) + "]";

    private static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
