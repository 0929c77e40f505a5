using Ducha.Assessment.Domain.Schemes;
using Ducha.BuildingBlocks;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;
using static Ducha.Services.Tests.Assessment.SheetTestData;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// The score sheet as a pure computation: Zhejiang (330000) assesses Hangzhou (330100) and Ningbo (330200) under the
/// tests' scheme. Every deduction shows its cases, a 容错 one stays listed at 0 with its reason, caps hold, a veto keeps
/// a higher score from 优秀, and a PM2.5 worse than last year is flagged though the target is met.
/// </summary>
public sealed class ScoreSheetCalculatorTests
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();
    private const string Hangzhou = "330100", Xihu = "330106", Ningbo = "330200";

    /// <summary>
    /// The year in Hangzhou: two overdue cases (one also an exposure follow-up overdue: one lateness), one case
    /// returned by a district's unit and flagged as buck-passing, one accountability marked 容错 — and, around them,
    /// what is not Hangzhou's to bear: a lateness in Ningbo, and a stop order never verified, which the scheme has no rule for.
    /// </summary>
    private static IReadOnlyList<Ducha.Assessment.Domain.Facts.DeductionFact> HangzhouYear() =>
    [
        Fact(DeductionKind.Lateness, "case-a", Xihu, events: [("ev-a-overdue", "cases.case-overdue"), ("ev-a-follow-up", "exposure.follow-up-overdue")],
            exposureId: "exposure-a"),
        Fact(DeductionKind.Lateness, "case-b", Hangzhou, holderUnit: "杭州市生态环境局"),
        Fact(DeductionKind.BuckPassing, "case-c", Hangzhou, returner: Xihu, returnerUnit: "西湖区住建局"),
        Fact(DeductionKind.Accountability, "case-d", Hangzhou, exempted: true, reason: "先行先试中出现失误，符合容错情形"),
        Fact(DeductionKind.Lateness, "case-n", Ningbo),
        Fact(DeductionKind.StopUnverified, "case-s", Hangzhou),
    ];

    [Fact]
    public void The_citys_sheet_shows_exactly_its_deductions_with_their_cases_and_the_exempted_one_with_its_reason()
    {
        var sheet = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), HangzhouYear()), Tree);

        Assert.Equal([DeductionKind.Lateness, DeductionKind.BuckPassing, DeductionKind.Accountability], sheet.Deductions.Select(d => d.Kind));
        var lateness = sheet.Deductions[0];
        Assert.Equal(["case-a", "case-b"], lateness.Deductions.Select(d => d.CaseId));
        Assert.Equal((2, 4.0, false), (lateness.Count, lateness.Points, lateness.Capped));
        Assert.Equal(["ev-a-overdue", "ev-a-follow-up"], lateness.Deductions[0].Events.Select(e => e.EventId));
        Assert.Equal("exposure-a", lateness.Deductions[0].ExposureId);
        var buckPassing = Assert.Single(sheet.Deductions[1].Deductions);
        Assert.Equal(("case-c", Xihu, "西湖区住建局", 3.0), (buckPassing.CaseId, buckPassing.ChargedJurisdictionCode, buckPassing.ChargedDepartment, buckPassing.Points));
        var tolerated = Assert.Single(sheet.Deductions[2].Deductions);
        Assert.Equal(("case-d", true, 0.0, "先行先试中出现失误，符合容错情形"), (tolerated.CaseId, tolerated.Exempted, tolerated.Points, tolerated.ExemptionReason));
        Assert.Equal((0, 0.0), (sheet.Deductions[2].Count, sheet.Deductions[2].Points));
        Assert.Equal((100.0, 7.0, 93.0, Rating.Excellent), (sheet.SpecialPoints, sheet.DeductionPoints, sheet.Total, sheet.Rating));
    }

    [Fact]
    public void A_veto_keeps_a_higher_score_from_excellent_and_rating_then_total_ranks_the_unvetoed_excellent_city_first()
    {
        var scheme = Scheme(RankingOrder.RatingThenTotal);
        var hangzhou = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), scheme, HangzhouYear()), Tree);
        var ningbo = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Ningbo), scheme, vetoes: [Veto(Ningbo)]), Tree);

        Assert.Equal((100.0, Rating.Excellent, Rating.Good), (ningbo.Total, ningbo.RatingByTotal, ningbo.Rating));
        Assert.Contains("一票否优：瞒报环境污染事故，不得评为优秀（按得分应为优秀）", ningbo.Notes);
        Assert.Equal([(1, Hangzhou), (2, Ningbo)], Ranking.Order([ningbo, hangzhou], RankingOrder.RatingThenTotal).Select(r => (r.Rank, r.Sheet.JurisdictionCode)));
        Assert.Equal([(1, Ningbo), (2, Hangzhou)], Ranking.Order([hangzhou, ningbo], RankingOrder.Total).Select(r => (r.Rank, r.Sheet.JurisdictionCode)));
    }

    [Fact]
    public void A_vetoed_party_rated_below_excellent_by_its_total_keeps_that_rating_and_the_note_says_no_more()
    {
        var facts = Enumerable.Range(1, 8).Select(i => Fact(DeductionKind.Lateness, $"late-{i}", Ningbo)).ToList();

        var sheet = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Ningbo), Scheme(), facts, vetoes: [Veto(Ningbo, VetoGround.MajorAccident)]), Tree);

        Assert.Equal((90.0, Rating.Excellent, Rating.Good), (sheet.Total, sheet.RatingByTotal, sheet.Rating));
        var below = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Ningbo), Scheme(), facts, measured: [], vetoes: [Veto(Ningbo, VetoGround.PoorRescue)]), Tree);
        Assert.Equal((Rating.Fail, Rating.Fail), (below.RatingByTotal, below.Rating));
        Assert.Contains("一票否优：事故救援不力致损失扩大或引发群体性事件，不得评为优秀", below.Notes);
    }

    [Fact]
    public void A_rules_cap_and_the_schemes_cap_hold_and_the_sheet_says_so()
    {
        List<Ducha.Assessment.Domain.Facts.DeductionFact> facts =
        [
            .. Enumerable.Range(1, 8).Select(i => Fact(DeductionKind.Lateness, $"late-{i}", Hangzhou)),
            .. Enumerable.Range(1, 5).Select(i => Fact(DeductionKind.BuckPassing, $"passed-{i}", Hangzhou, returner: Hangzhou)),
        ];

        var sheet = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(deductionCap: 20), facts), Tree);

        Assert.Equal((8, 10.0, true), (sheet.Deductions[0].Count, sheet.Deductions[0].Points, sheet.Deductions[0].Capped));
        Assert.Equal((5, 15.0, false), (sheet.Deductions[1].Count, sheet.Deductions[1].Points, sheet.Deductions[1].Capped));
        Assert.Equal((20.0, 80.0, Rating.Good), (sheet.DeductionPoints, sheet.Total, sheet.Rating));
        Assert.Contains("扣分合计25分，超过方案上限，按20分计", sheet.Notes);
        Assert.Equal(25.0, ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(deductionCap: 0), facts), Tree).DeductionPoints);
    }

    [Fact]
    public void A_pm25_worse_than_last_year_is_a_red_line_even_when_the_target_is_met()
    {
        var sheet = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured: GoodAir(pm25: 36, lastYear: 35)), Tree);

        var pm25 = sheet.Specials[0].Indicators[0];
        Assert.Equal((true, true, 37.5, 50.0), (pm25.Met, pm25.RedLine, pm25.TargetValue!.Value, pm25.BaselineValue!.Value));
        Assert.Equal(60.0, sheet.Specials[0].Points);
        Assert.Contains("红线：PM2.5年均浓度比上年变差（上年35μg/m³，本年36μg/m³）", sheet.Notes);
        Assert.Equal(1, sheet.RedLines);
        Assert.DoesNotContain(ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured: GoodAir(36, 38)), Tree).Notes,
            n => n.StartsWith("红线", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_30_june_the_half_year_values_not_reported_are_named_and_not_before()
    {
        const string Note = "半年检查未报送（应于2024年6月30日前报送）：";
        var withHalfYear = GoodAir().Append(new IndicatorMeasurement("pm25", 2024, Period.HalfYear, 37, "省环境监测中心站半年报")).ToList();
        IReadOnlyList<string> OnDay(DateOnly day, IReadOnlyList<IndicatorMeasurement> measured) =>
            ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured: measured) with { AsOf = day }, Tree).Notes;

        Assert.Contains(Note + "PM2.5年均浓度、空气质量优良天数比率", OnDay(new DateOnly(2024, 7, 1), GoodAir()));
        Assert.Contains(Note + "空气质量优良天数比率", OnDay(new DateOnly(2024, 7, 1), withHalfYear));
        Assert.DoesNotContain(OnDay(new DateOnly(2024, 6, 30), GoodAir()), n => n.StartsWith("半年检查", StringComparison.Ordinal));
    }

    [Fact]
    public void The_year_end_value_counts_once_recorded_the_half_year_until_then_and_a_recorded_baseline_beats_the_schemes()
    {
        var halfYear = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured:
        [
            new("pm25", 2024, Period.HalfYear, 39, "半年监测通报"), new("good-air-days", 2024, Period.HalfYear, 75, "半年监测通报"),
        ]), Tree);
        var yearEnd = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured:
        [
            new("pm25", 2024, Period.HalfYear, 39, "半年监测通报"), new("pm25", 2024, Period.YearEnd, 40, "年报"), new("pm25", 2015, Period.YearEnd, 56, "2015年报"),
            new("good-air-days", 2024, Period.HalfYear, 75, "半年监测通报"),
        ]), Tree);

        var early = halfYear.Specials[0].Indicators[0];
        Assert.Equal((39.0, Period.HalfYear, "半年监测通报", false), (early.Value!.Value, early.Period!.Value, early.Source, early.Met));
        var late = yearEnd.Specials[0].Indicators[0];
        Assert.Equal((40.0, Period.YearEnd, 56.0, 42.0, true), (late.Value!.Value, late.Period!.Value, late.BaselineValue!.Value, late.TargetValue!.Value, late.Met));
        Assert.Equal(30.0, halfYear.Specials[0].Points);
    }

    [Fact]
    public void Rates_come_from_the_case_figures_of_the_partys_subtree_and_a_department_has_none_and_is_told_so()
    {
        var city = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), figures: Figures(Hangzhou, cases: 20, closed: 17, onTime: 18)), Tree);
        var department = ScoreSheetCalculator.Compute(Inputs(new AssessedParty("330000", "省生态环境厅"), Scheme(), assessor: "330000"), Tree);

        var handling = city.Specials[1];
        Assert.Equal([(85.0, false), (90.0, true)], handling.Indicators.Select(i => (i.Value!.Value, i.Met)));
        Assert.Equal("案件记录", handling.Indicators[0].Source);
        Assert.Equal(20.0, handling.Points);
        Assert.All(department.Specials[1].Indicators, i => Assert.False(i.Measured));
        Assert.Equal(0.0, department.Specials[1].Points);
        Assert.Contains("尚无数值，暂不得分：问题解决率、按期办结率", department.Notes);
    }

    [Fact]
    public void A_department_bears_what_was_charged_to_it_and_a_city_what_was_charged_to_anything_within_it()
    {
        List<Ducha.Assessment.Domain.Facts.DeductionFact> facts =
        [
            Fact(DeductionKind.Lateness, "held-by-department", "330000", holderUnit: "省生态环境厅"),
            Fact(DeductionKind.Lateness, "held-by-another", "330000", holderUnit: "省住建厅"),
            Fact(DeductionKind.Lateness, "held-by-province-office", "330000"),
            Fact(DeductionKind.Lateness, "held-by-county-unit", "330106", holderUnit: "西湖区生态环境分局"),
        ];

        var department = ScoreSheetCalculator.Compute(Inputs(new AssessedParty("330000", "省生态环境厅"), Scheme(), facts), Tree);
        var city = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), facts), Tree);

        Assert.Equal(["held-by-department"], department.Deductions[0].Deductions.Select(d => d.CaseId));
        Assert.Equal(["held-by-county-unit"], city.Deductions[0].Deductions.Select(d => d.CaseId));
    }

    [Fact]
    public void Below_every_band_is_fail_and_missing_duty_reports_are_named()
    {
        var sheet = ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), Scheme(), measured: [], figures: Figures(Hangzhou, 0, 0, 0),
            duty: new DutyReportStanding(false, ["西湖区", "滨江区"])), Tree);

        Assert.Equal((0.0, Rating.Fail, false), (sheet.Total, sheet.Rating, sheet.DutyReportFiled));
        Assert.Contains("所辖县（市、区）未报送2024年度环境保护责任履行情况报告：西湖区、滨江区", sheet.Notes);
        Assert.Equal(Rating.Pass, ScoreSheetCalculator.RatingOf(Scheme().Bands, 60));
        Assert.Equal(Rating.Fail, ScoreSheetCalculator.RatingOf(Scheme().Bands, 59.99));
    }

    [Fact]
    public void Exact_ties_share_a_rank_and_fewer_deduction_points_go_first_on_an_equal_total()
    {
        ScoreSheet Sheet(string code, double total, double deductions) =>
            ScoreSheetCalculator.Compute(Inputs(new AssessedParty(code), Scheme()), Tree) with { Total = total, DeductionPoints = deductions, Rating = Rating.Good };

        var ranked = Ranking.Order([Sheet("330300", 85, 4), Sheet("330200", 85, 2), Sheet("330400", 85, 2), Sheet("330500", 81, 0)], RankingOrder.Total);

        Assert.Equal([(1, "330200"), (1, "330400"), (3, "330300"), (4, "330500")], ranked.Select(r => (r.Rank, r.Sheet.JurisdictionCode)));
    }

    [Fact]
    public void A_frozen_chain_verifies_and_names_the_first_party_whose_sheet_was_changed_or_the_head_when_the_last_is_gone()
    {
        var scheme = Scheme();
        var ranked = Ranking.Order([
            ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Hangzhou), scheme, HangzhouYear()), Tree),
            ScoreSheetCalculator.Compute(Inputs(new AssessedParty(Ningbo), scheme, vetoes: [Veto(Ningbo)]), Tree),
        ], scheme.RankingOrder);
        var actor = new Actor("office-330000", Role.Office, "330000", "province");

        var (results, sheets) = FrozenResults.Freeze("330000", Audience.Subordinates, 2024, "scheme-1", scheme.RankingOrder, ranked, actor, InYear);

        Assert.Null(results.FirstBroken(sheets));
        Assert.Equal((FrozenResults.Genesis("330000", 2024, Audience.Subordinates), sheets[0].Hash), (sheets[0].PreviousHash, sheets[1].PreviousHash));
        Assert.Equal(sheets[1].Hash, results.ChainHead);
        Assert.Equal(ScoreSheetJson.Write(ranked[0].Sheet), ScoreSheetJson.Write(sheets[0].Sheet));
        var changed = new FrozenSheet
        {
            ResultsId = sheets[1].ResultsId, Position = 2, JurisdictionCode = Ningbo, Rank = 2, RankedOf = 2, PreviousHash = sheets[1].PreviousHash,
            Hash = sheets[1].Hash, ContentJson = sheets[1].ContentJson.Replace("\"rating\":\"Good\"", "\"rating\":\"Excellent\"", StringComparison.Ordinal),
        };
        Assert.NotEqual(sheets[1].ContentJson, changed.ContentJson);
        Assert.Equal(Ningbo, results.FirstBroken([sheets[0], changed]));
        Assert.Equal("chain_head", results.FirstBroken([sheets[0]]));
        Assert.Equal(Ningbo, results.FirstBroken([sheets[1], sheets[0]]));
    }
}
