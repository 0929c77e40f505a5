using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Services.Tests.Assessment;

/// <summary>An indicator's target read against a value, and the red line: environmental quality may only get better.</summary>
public sealed class IndicatorEvaluationTests
{
    private static IndicatorSpec Indicator(IndicatorKind kind, Direction direction, TargetForm form, double target, string unit = "%") =>
        new("x", "指标", kind, unit, direction, form == TargetForm.Absolute ? 0 : 2015, null, form, target, 1);

    private static readonly IndicatorSpec Pm25 = Indicator(IndicatorKind.EnvironmentalQuality, Direction.LowerIsBetter, TargetForm.PercentChange, -25, "μg/m³");

    [Fact]
    public void A_pm25_value_that_meets_its_target_but_is_worse_than_last_year_is_flagged()
    {
        // 2015: 60 μg/m³, so −25 % asks 45 or less; 44 meets it, but last year was 42.
        var outcome = IndicatorEvaluation.Evaluate(Pm25, value: 44, baseline: 60, lastYear: 42);

        Assert.Equal(new IndicatorOutcome(45, Met: true, RedLine: true), outcome);
    }

    [Theory]
    [InlineData(44, 46, true, false)]    // better than last year and within target
    [InlineData(46, 46, false, false)]   // the same as last year is not worse; the target is missed
    [InlineData(47, 46, false, true)]    // worse and missed
    public void Lower_is_better_is_met_at_or_below_the_target_and_flagged_only_when_higher_than_last_year(double value, double lastYear, bool met, bool redLine)
    {
        var outcome = IndicatorEvaluation.Evaluate(Pm25, value, baseline: 60, lastYear);

        Assert.Equal((met, redLine), (outcome.Met, outcome.RedLine));
    }

    [Theory]
    [InlineData(75.0, 76.0, true, true)]   // met, but fewer good-air days than last year
    [InlineData(73.9, 70.0, true, false)]  // exactly the target
    [InlineData(70.0, 65.0, false, false)] // better, not yet there
    public void Higher_is_better_is_met_at_or_above_the_target_and_flagged_when_lower_than_last_year(double value, double lastYear, bool met, bool redLine)
    {
        var goodAirDays = Indicator(IndicatorKind.EnvironmentalQuality, Direction.HigherIsBetter, TargetForm.Absolute, 73.9);

        var outcome = IndicatorEvaluation.Evaluate(goodAirDays, value, baseline: null, lastYear);

        Assert.Equal((73.9, met, redLine), (outcome.TargetValue!.Value, outcome.Met, outcome.RedLine));
    }

    [Fact]
    public void A_percent_change_and_an_amount_change_are_read_from_the_baseline()
    {
        var vocs = Indicator(IndicatorKind.EnvironmentalQuality, Direction.LowerIsBetter, TargetForm.PercentChange, -20, "吨");
        var coal = Indicator(IndicatorKind.EnvironmentalQuality, Direction.LowerIsBetter, TargetForm.AmountChange, -760, "万吨");

        Assert.Equal(80, IndicatorEvaluation.TargetValue(vocs, baseline: 100));
        Assert.Equal(2240, IndicatorEvaluation.TargetValue(coal, baseline: 3000));
        Assert.True(IndicatorEvaluation.Evaluate(coal, value: 2200, baseline: 3000, lastYear: null).Met);
        Assert.False(IndicatorEvaluation.Evaluate(coal, value: 2300, baseline: 3000, lastYear: null).Met);
    }

    [Fact]
    public void A_change_without_a_baseline_has_no_target_and_is_not_met()
    {
        var outcome = IndicatorEvaluation.Evaluate(Pm25, value: 10, baseline: null, lastYear: null);

        Assert.Equal(new IndicatorOutcome(null, Met: false, RedLine: false), outcome);
    }

    [Fact]
    public void An_outcome_counted_from_cases_draws_no_red_line()
    {
        var solved = Indicator(IndicatorKind.ProblemsSolved, Direction.HigherIsBetter, TargetForm.Absolute, 90);

        Assert.False(IndicatorEvaluation.Evaluate(solved, value: 91, baseline: null, lastYear: 99).RedLine);
    }

    [Fact]
    public void The_shipped_example_holds_for_every_year_a_scheme_may_have()
    {
        Assert.Empty(SchemeContentRules.Check(ExampleScheme.Content, Scheme.EarliestYear));
        Assert.Empty(SchemeContentRules.Check(ExampleScheme.Content, Scheme.LatestYear));
        Assert.Equal(100, ExampleScheme.Content.Programmes.Sum(p => p.Weight), 6);
    }
}
