namespace Ducha.Assessment.Domain.Schemes;

/// <summary>How one indicator stands for a party: the target as a value of the unit, whether it is met, and the red line.</summary>
public sealed record IndicatorOutcome(double? TargetValue, bool Met, bool RedLine);

/// <summary>
/// Reads an indicator's target against a value. The red line — environmental quality may only get better — is its own
/// test against last year's value, so a value that meets the target but is worse than last year's is still flagged.
/// </summary>
public static class IndicatorEvaluation
{
    public static IndicatorOutcome Evaluate(IndicatorSpec spec, double? value, double? baseline, double? lastYear)
    {
        var target = TargetValue(spec, baseline);
        var met = value is { } v && target is { } t && (spec.Direction == Direction.HigherIsBetter ? v >= t : v <= t);
        var redLine = spec.Kind == IndicatorKind.EnvironmentalQuality && value is { } now && lastYear is { } before
            && (spec.Direction == Direction.HigherIsBetter ? now < before : now > before);
        return new IndicatorOutcome(target, met, redLine);
    }

    /// <summary>The target as a value; null for a change form without a baseline to change from.</summary>
    public static double? TargetValue(IndicatorSpec spec, double? baseline) => spec.TargetForm switch
    {
        TargetForm.Absolute => spec.Target,
        TargetForm.PercentChange => baseline is { } b ? Math.Round(b * (1 + spec.Target / 100), 4) : null,
        TargetForm.AmountChange => baseline is { } b ? Math.Round(b + spec.Target, 4) : null,
        _ => null,
    };
}
