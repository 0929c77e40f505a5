using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>
/// Recomputes a draw from its stored seed and the candidates its inputs name: the inputs must hash as stored, the seed
/// and that hash must give the commitment, and the procedure must give the same pairs.
/// </summary>
public sealed class VerifyDraw(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "VerifyDraw";

    public sealed record Verification(bool Valid, string Commitment, string RecomputedCommitment, bool PairsMatch, IReadOnlyList<string> Problems);

    public async Task<Verification> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var draw = await records.FindAsync<Draw>(id, actor, Operation, cancellationToken);
        var problems = new List<string>();
        var (targets, inspectors) = await DrawRules.LoadRegistersAsync(db, draw.JurisdictionCode, cancellationToken);
        var named = NamedIds(draw.InputsJson);
        var candidates = targets.Where(t => named.Contains(t.Id)).Select(t => t.ToCandidate()).ToList();
        var team = inspectors.Where(i => named.Contains(i.Id)).Select(i => i.ToCandidate()).ToList();
        var counts = new DrawProcedure.Counts(draw.Round, draw.Targets, draw.Teams, draw.TeamSize);
        if (DrawProcedure.Sha256Hex(draw.InputsJson) != draw.InputsHash) problems.Add("存储的输入与输入哈希不符");

        DrawProcedure.Outcome? outcome = null;
        try
        {
            outcome = DrawProcedure.Run(draw.Seed, counts, candidates, team, draw.PreviousDrawId,
                await DrawRules.PairsOfAsync(db, draw.PreviousDrawId, cancellationToken));
        }
        catch (DomainRuleException e)
        {
            problems.Add("按种子重新计算失败：" + e.Message);
        }

        var recomputed = DrawProcedure.Sha256Hex(draw.Seed + draw.InputsHash);
        if (recomputed != draw.Commitment) problems.Add("种子与输入哈希算出的承诺值与公布的承诺值不符");
        if (outcome is not null && outcome.InputsJson != draw.InputsJson) problems.Add("名录中的检查对象或人员与抽取时的输入不符");
        var pairsMatch = outcome is not null && outcome.Pairs.Count == draw.Pairs.Count
            && outcome.Pairs.Zip(draw.Pairs).All(x => x.First.TargetId == x.Second.TargetId && x.First.Team == x.Second.Team
                && x.First.InspectorIds.SequenceEqual(x.Second.Inspectors.Select(i => i.Id)));
        if (outcome is not null && !pairsMatch) problems.Add("重新计算的配对与记录的配对不符");
        return new Verification(problems.Count == 0, draw.Commitment, recomputed, pairsMatch, problems);
    }

    // The candidate ids the canonical inputs name.
    private static HashSet<string> NamedIds(string inputsJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(inputsJson);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stratum in document.RootElement.GetProperty("target_ids").EnumerateObject())
            ids.UnionWith(stratum.Value.EnumerateArray().Select(e => e.GetString()!));
        ids.UnionWith(document.RootElement.GetProperty("inspector_ids").EnumerateArray().Select(e => e.GetString()!));
        return ids;
    }
}
