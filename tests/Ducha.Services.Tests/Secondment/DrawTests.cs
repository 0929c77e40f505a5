using System.Security.Cryptography;
using System.Text;
using Ducha.Contracts.Secondment.V1;
using Grpc.Core;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// 双随机一公开 in Shandong: the province draws 10 targets and 5 teams of two from a register of 500 targets across its
/// counties and 40 inspectors. The draw recomputes from its seed, no inspector meets a target of their home area, a
/// second draw for the round is a new visible record, and the seed revealed with the findings hashes to the commitment.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DrawTests(StandaloneFixture host)
{
    private const string Province = "370000";
    private const string Round = "2024-第3轮";
    private static readonly string[] Cities = ["370100", "370200", "370300", "370400", "370500", "370600", "370700", "370800", "370900", "371000"];

    // Three counties of each city.
    private static readonly string[] Counties =
    [
        "370102", "370103", "370104", "370202", "370203", "370211", "370302", "370303", "370304", "370402", "370403", "370404", "370502", "370503",
        "370505", "370602", "370611", "370612", "370702", "370703", "370704", "370811", "370812", "370826", "370902", "370911", "370921", "371002",
        "371003", "371071",
    ];

    private Contracts.Secondment.V1.Secondment.SecondmentClient Office => new(host.As(Province));

    [Fact]
    public async Task A_draw_recomputes_from_its_seed_avoids_home_areas_and_is_redrawn_only_visibly()
    {
        await RegisterAsync();

        var draw = await Office.MakeDrawAsync(new MakeDrawRequest { JurisdictionCode = Province, Round = Round, Targets = 10, Teams = 5, TeamSize = 2 });

        // At draw time: the commitment, no seed, no inputs hash; the drawing office sees its pairs.
        Assert.Equal(64, draw.Commitment.Length);
        Assert.Equal(("", ""), (draw.Seed, draw.InputsHash));
        Assert.Equal(10, draw.Pairs.Count);
        Assert.All(draw.Pairs.GroupBy(p => p.Team), team => Assert.Equal(2, team.Count()));
        Assert.Equal(5, draw.Pairs.Select(p => p.Team).Distinct().Count());
        Assert.Equal(10, draw.Pairs.SelectMany(p => p.Inspectors).Select(i => i.Id).Distinct().Count());
        Assert.All(draw.Pairs, p => Assert.Equal(2, p.Inspectors.Count));
        // Largest remainders over 50 high, 150 medium and 300 low: 1, 3 and 6.
        Assert.Equal([1, 3, 6], new[] { RiskClass.High, RiskClass.Medium, RiskClass.Low }.Select(r => draw.Pairs.Count(p => p.Risk == r)));
        foreach (var pair in draw.Pairs)
        foreach (var inspector in pair.Inspectors)
        {
            Assert.False(Within(pair.TargetJurisdictionCode, inspector.HomeJurisdictionCode) || Within(inspector.HomeJurisdictionCode, pair.TargetJurisdictionCode),
                $"{inspector.Name} ({inspector.HomeJurisdictionCode}) meets {pair.TargetName} in {pair.TargetJurisdictionCode}");
        }

        // Another role of the level sees the commitment only.
        var outsider = await new Contracts.Secondment.V1.Secondment.SecondmentClient(host.As(Province, "discipline")).GetDrawAsync(new GetDrawRequest { Id = draw.Id });
        Assert.Equal((draw.Commitment, 0, ""), (outsider.Commitment, outsider.Pairs.Count, outsider.Seed));

        var verification = await Office.VerifyDrawAsync(new VerifyDrawRequest { Id = draw.Id });
        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
        Assert.True(verification.PairsMatch);
        Assert.Equal(draw.Commitment, verification.RecomputedCommitment);

        // A second draw for the round needs a reason, and is a new record naming the first, which stays.
        var quiet = await Assert.ThrowsAsync<RpcException>(() =>
            Office.MakeDrawAsync(new MakeDrawRequest { JurisdictionCode = Province, Round = Round, Targets = 10, Teams = 5, TeamSize = 2 }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, quiet.StatusCode);
        var redraw = await Office.MakeDrawAsync(new MakeDrawRequest
        {
            JurisdictionCode = Province, Round = Round, Targets = 10, Teams = 5, TeamSize = 2, RedrawReason = "两名检查人员因病无法参加，重新抽取",
        });
        Assert.NotEqual(draw.Id, redraw.Id);
        Assert.Equal((draw.Id, "两名检查人员因病无法参加，重新抽取"), (redraw.ReplacesDrawId, redraw.RedrawReason));
        Assert.NotEqual(draw.Commitment, redraw.Commitment);
        Assert.Equal(draw.Commitment, (await Office.GetDrawAsync(new GetDrawRequest { Id = draw.Id })).Commitment);
        // The level's list: the redraw first, then the draw it replaced; another role of the level sees no pairs in it.
        var first = await Office.ListDrawsAsync(new ListDrawsRequest { JurisdictionCode = Province, PageSize = 1 });
        var second = await Office.ListDrawsAsync(new ListDrawsRequest { JurisdictionCode = Province, PageSize = 1, PageToken = first.NextPageToken });
        var listedToOthers = await new Contracts.Secondment.V1.Secondment.SecondmentClient(host.As(Province, "discipline"))
            .ListDrawsAsync(new ListDrawsRequest { JurisdictionCode = Province });
        Assert.Equal([redraw.Id, draw.Id], first.Draws.Concat(second.Draws).Select(d => d.Id));
        Assert.Equal((10, ""), (first.Draws[0].Pairs.Count, second.NextPageToken));
        Assert.All(listedToOthers.Draws.Where(d => d.Id == draw.Id || d.Id == redraw.Id), d => Assert.Empty(d.Pairs));
        // The public site shows both draws' commitments at once and nothing that would tip off a target.
        var committed = await PublicPageAsync(redraw.Id, page => page.Contains(redraw.Commitment, StringComparison.Ordinal));
        Assert.Contains("现仅公布承诺值", committed);
        Assert.Contains("两名检查人员因病无法参加，重新抽取", committed);
        Assert.DoesNotContain(redraw.Pairs[0].TargetName, committed);
        Assert.Contains(draw.Commitment, await PublicPageAsync(draw.Id, page => page.Contains(draw.Commitment, StringComparison.Ordinal)));
        var stale = await Assert.ThrowsAsync<RpcException>(() => Office.RevealDrawAsync(new RevealDrawRequest { Id = draw.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);

        // Revealed with the findings: the seed and the inputs hash give the commitment published at draw time.
        var early = await Assert.ThrowsAsync<RpcException>(() => Office.RevealDrawAsync(new RevealDrawRequest { Id = redraw.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        foreach (var pair in redraw.Pairs)
            await Office.RecordFindingAsync(new RecordFindingRequest { Id = redraw.Id, TargetId = pair.TargetId, Findings = $"{pair.TargetName}：未发现问题" });
        var revealed = await Office.RevealDrawAsync(new RevealDrawRequest { Id = redraw.Id });
        Assert.True(revealed.Revealed);
        Assert.Equal(redraw.Commitment, Sha256Hex(revealed.Seed + revealed.InputsHash));
        Assert.All(revealed.Pairs, p => Assert.EndsWith("未发现问题", p.Findings));
        var seen = await new Contracts.Secondment.V1.Secondment.SecondmentClient(host.As(Province, "discipline")).GetDrawAsync(new GetDrawRequest { Id = redraw.Id });
        Assert.Equal((revealed.Seed, 10), (seen.Seed, seen.Pairs.Count));
        Assert.True((await Office.VerifyDrawAsync(new VerifyDrawRequest { Id = redraw.Id })).Valid);

        // Revealed on the public site: the seed and inputs hash that give the commitment, the pairs with findings, and of
        // the inspectors their names and units only.
        var published = await PublicPageAsync(redraw.Id + ".json", page => page.Contains("\"revealed\":true", StringComparison.Ordinal));
        using (var json = System.Text.Json.JsonDocument.Parse(published))
        {
            var root = json.RootElement;
            Assert.Equal(redraw.Commitment, Sha256Hex(root.GetProperty("seed").GetString() + root.GetProperty("inputsHash").GetString()));
            Assert.Equal(root.GetProperty("inputsHash").GetString(), Sha256Hex(root.GetProperty("inputs").GetString()!));
            Assert.Equal(10, root.GetProperty("pairs").GetArrayLength());
            foreach (var inspector in root.GetProperty("pairs").EnumerateArray().SelectMany(p => p.GetProperty("inspectors").EnumerateArray()))
                Assert.Equal(["name", "unit"], inspector.EnumerateObject().Select(p => p.Name));
            // The inputs name inspectors by register id only (what the hash covers); no cadre or home jurisdiction is published.
            Assert.DoesNotContain("cadre", published, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("home", published, StringComparison.OrdinalIgnoreCase);
        }

        var revealedPage = await PublicPageAsync(redraw.Id, page => page.Contains(revealed.Seed, StringComparison.Ordinal));
        Assert.Contains("如何核验：承诺值", revealedPage);
        Assert.Contains(revealed.Pairs[0].Inspectors[0].Name, revealedPage);

        // Each draw and the reveal is a link of the level's history, and the chain holds.
        var history = await Office.GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Province, PageSize = 100 });
        Assert.Equal([("draw.made", draw.Id), ("draw.made", redraw.Id), ("draw.revealed", redraw.Id)],
            history.Entries.OrderBy(e => e.Sequence).Select(e => (e.Kind, e.SubjectId)));
        Assert.True((await Office.VerifyHistoryAsync(new VerifyHistoryRequest { JurisdictionCode = Province })).Valid);
    }

    private async Task RegisterAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            await Office.AddTargetAsync(new AddTargetRequest
            {
                JurisdictionCode = Counties[i % Counties.Length], Name = $"山东某企业{i:000}", PollutionType = i % 2 == 0 ? "大气" : "水",
                Risk = (i % 10) switch { 0 => RiskClass.High, 1 or 2 or 3 => RiskClass.Medium, _ => RiskClass.Low },
                IdempotencyKey = $"draw-target-{i}",
            });
        }

        for (var i = 0; i < 40; i++)
        {
            var city = Cities[i % Cities.Length];
            await Office.AddInspectorAsync(new AddInspectorRequest
            {
                JurisdictionCode = Province, Name = $"检查员{i:00}", Unit = $"{city}生态环境局", HomeJurisdictionCode = i % 4 == 0 ? Counties[i % Cities.Length * 3] : city,
                IdempotencyKey = $"draw-inspector-{i}",
            });
        }

        var targets = await Office.ListTargetsAsync(new ListTargetsRequest { JurisdictionCode = Province, PageSize = 500 });
        Assert.Equal((500, ""), (targets.Targets.Count, targets.NextPageToken));
    }

    // A GB/T 2260 code within an area: it starts with the area's code less its trailing "00" pairs.
    private static bool Within(string code, string area)
    {
        while (area.Length > 2 && area.EndsWith("00", StringComparison.Ordinal)) area = area[..^2];
        return code.StartsWith(area, StringComparison.Ordinal);
    }

    private async Task<string> PublicPageAsync(string file, Func<string, bool> shows) =>
        await Ducha.Testing.Eventually.UntilAsync(async () =>
        {
            using var response = await host.Http.GetAsync($"/public/draws/{file}");
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
        }, shows);

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
