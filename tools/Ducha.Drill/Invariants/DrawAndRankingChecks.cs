using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ducha.Drill.Scenario;

namespace Ducha.Drill.Invariants;

/// <summary>The month's draw as the public can check it, and the province's ranking as the assessment gives it.</summary>
public static class DrawAndRankingChecks
{
    /// <summary>
    /// The revealed draw on Disclosure's public site: its seed and inputs hash give the commitment published at draw time
    /// (SHA-256 of the seed followed by the inputs hash, as docs/sampling.md has it), and the inputs give their hash.
    /// </summary>
    public static async Task<Check> PublicDrawAsync(HttpClient site, DrillLedger ledger, CancellationToken cancellationToken)
    {
        if (ledger.Draw is not { } draw) return new("双随机抽取可公开核验", true, "本次演练不足五个工作日，未抽取");
        JsonElement root = default;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            using var response = await site.GetAsync($"/public/draws/{draw.Id}.json", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
                if (root.GetProperty("revealed").GetBoolean()) break;
            }
            await Task.Delay(300, cancellationToken);
        } while (DateTime.UtcNow < until);
        if (root.ValueKind != JsonValueKind.Object || !root.GetProperty("revealed").GetBoolean())
            return new("双随机抽取可公开核验", false, $"抽取 {draw.Id} 未在公开页面上公开");
        var seed = root.GetProperty("seed").GetString()!;
        var inputsHash = root.GetProperty("inputsHash").GetString()!;
        var commitment = Hex(seed + inputsHash);
        var inputsMatch = Hex(root.GetProperty("inputs").GetString()!) == inputsHash;
        var held = commitment == draw.Commitment && inputsMatch && root.GetProperty("commitment").GetString() == draw.Commitment;
        return new("双随机抽取可公开核验", held, held
            ? $"公开的种子与输入哈希重算出抽取时公布的承诺值 {draw.Commitment[..12]}…，{root.GetProperty("pairs").GetArrayLength()} 组配对已公开"
            : $"重算承诺值 {commitment[..12]}… 与抽取时公布的 {draw.Commitment[..12]}… {(commitment == draw.Commitment ? "一致" : "不一致")}，输入哈希{(inputsMatch ? "一致" : "不一致")}");
    }

    public static Check Ranking(MonthDrill drill)
    {
        var ranked = drill.Ranking?.Parties.Select(p => p.JurisdictionCode).ToHashSet(StringComparer.Ordinal) ?? [];
        // A province ranks its cities, and in place of a grouping of counties it governs directly (省直辖县级行政区划) those counties.
        var missing = drill.Map.Cities.Where(c => !ranked.Contains(c.Code) && !drill.Map.Counties[c.Code].All(county => ranked.Contains(county.Code)))
            .Select(c => c.Name).ToList();
        return new("考核排名覆盖各市", missing.Count == 0 && ranked.Count > 0, missing.Count == 0
            ? $"{drill.Map.Province.Name}{drill.FirstDay.Year}年度排名含全部 {drill.Map.Cities.Count} 个市"
            : $"排名缺 {string.Join("、", missing.Take(3))} 等 {missing.Count} 个市");
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
