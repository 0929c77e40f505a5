using Ducha.BuildingBlocks;
using Ducha.Secondment.Domain;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// The draw of docs/draw-vectors.mjs, an independent implementation written from docs/sampling.md: the service's
/// procedure gives the same canonical inputs, hashes, commitment and pairs, so anyone can recompute a revealed draw.
/// </summary>
public sealed class DrawVectorTests
{
    private static readonly string[] Counties = ["370102", "370103", "370202", "370203", "370302", "370303", "371002", "371003"];
    private static readonly RiskClass[] Risks = [RiskClass.High, RiskClass.Medium, RiskClass.Low, RiskClass.Low, RiskClass.Medium, RiskClass.Low, RiskClass.Low, RiskClass.Low];
    private static readonly string[] Homes = ["370100", "370200", "370300", "371000"];

    [Fact]
    public void The_published_draw_vector_recomputes_to_the_same_commitment_and_pairs()
    {
        var targets = Enumerable.Range(0, 24).Select(i => new DrawProcedure.TargetCandidate($"T-{i:00}", Risks[i % 8], Counties[i % 8], $"企业{i}")).ToList();
        var inspectors = Enumerable.Range(0, 8).Select(i => new DrawProcedure.InspectorCandidate($"P-{i}", i == 5 ? "企业3" : $"单位{i % 4}", Homes[i % 4]))
            .Reverse().ToList(); // the caller's order does not matter
        var previous = new HashSet<(string, string)> { ("P-0", "T-02"), ("P-1", "T-02") };

        var outcome = DrawProcedure.Run("ducha-draw-v1/teams", new DrawProcedure.Counts("2026-第1轮", 5, 2, 2), targets, inspectors, "D-0", previous);

        Assert.Equal(
            "{\"procedure\":\"ducha-draw-v1\",\"round\":\"2026-第1轮\",\"targets\":5,\"teams\":2,\"team_size\":2,\"previous_draw_id\":\"D-0\",\"target_ids\":{\"HIGH\":[\"T-00\",\"T-08\",\"T-16\"],\"MEDIUM\":[\"T-01\",\"T-04\",\"T-09\",\"T-12\",\"T-17\",\"T-20\"],\"LOW\":[\"T-02\",\"T-03\",\"T-05\",\"T-06\",\"T-07\",\"T-10\",\"T-11\",\"T-13\",\"T-14\",\"T-15\",\"T-18\",\"T-19\",\"T-21\",\"T-22\",\"T-23\"]},\"inspector_ids\":[\"P-0\",\"P-1\",\"P-2\",\"P-3\",\"P-4\",\"P-5\",\"P-6\",\"P-7\"]}",
            outcome.InputsJson);
        Assert.Equal("061b4487c10ed64ffc0ff158990f0e0160aac1b426831e169d00077d5fed9101", outcome.InputsHash);
        Assert.Equal("ddc405b758dd96e67f475ba455c03297430b4bead0414fc09a635c015c687709", outcome.Commitment);
        Assert.Equal(
            ["T-08 1 P-6,P-7", "T-20 2 P-0,P-4", "T-02 1 P-6,P-7", "T-23 2 P-0,P-4", "T-18 1 P-6,P-7"],
            outcome.Pairs.Select(p => $"{p.TargetId} {p.Team} {string.Join(',', p.InspectorIds)}"));
    }

    [Theory]
    [InlineData("370102", "370100", true)]   // a county within its city
    [InlineData("370100", "370102", false)]  // a city is not within its county
    [InlineData("370102", "370000", true)]
    [InlineData("370202", "370100", false)]
    [InlineData("371002", "370100", false)]  // 371002 does not start with 3701
    public void Containment_is_read_from_the_codes(string code, string area, bool within) => Assert.Equal(within, DrawProcedure.IsWithin(code, area));

    [Fact]
    public void An_inspector_meets_no_target_of_their_home_area_nor_their_own_unit_nor_the_one_they_inspected_last_time()
    {
        var target = new DrawProcedure.TargetCandidate("T-1", RiskClass.High, "370102", "济南某化工有限公司");
        var none = new HashSet<(string, string)>();
        Assert.True(DrawProcedure.Conflicts(new("P-1", "某局", "370100"), target, none));   // home city contains the target
        Assert.True(DrawProcedure.Conflicts(new("P-1", "某局", "370102"), target, none));   // same county
        Assert.True(DrawProcedure.Conflicts(new("P-1", "济南某化工有限公司", "370200"), target, none));
        Assert.True(DrawProcedure.Conflicts(new("P-1", "某局", "370200"), target, new HashSet<(string, string)> { ("P-1", "T-1") }));
        Assert.False(DrawProcedure.Conflicts(new("P-1", "某局", "370200"), target, none));
    }

    [Fact]
    public void A_draw_that_cannot_avoid_conflicts_is_refused_with_the_reason()
    {
        // Every inspector lives in the one city all targets are in.
        var targets = Enumerable.Range(0, 4).Select(i => new DrawProcedure.TargetCandidate($"T-{i}", RiskClass.Low, "370102", $"企业{i}")).ToList();
        var inspectors = Enumerable.Range(0, 4).Select(i => new DrawProcedure.InspectorCandidate($"P-{i}", "济南市生态环境局", "370100")).ToList();

        var refused = Assert.Throws<DomainRuleException>(() =>
            DrawProcedure.Run("seed", new DrawProcedure.Counts("R", 2, 1, 2), targets, inspectors, null, new HashSet<(string, string)>()));
        Assert.Contains("回避", refused.Message);
    }
}
