using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// The special assessments (专项考核): each indicator read against its target through <see cref="IndicatorEvaluation"/>,
/// and each programme earning its weight × met points ÷ all points. The value that counts is the year end's once
/// recorded, else the half-year check's; the kinds computed from Cases are the party's rates of the year.
/// </summary>
internal static class SpecialScoring
{
    /// <summary>Where the computed kinds' values come from, as the sheet names it.</summary>
    public const string CaseRecords = "案件记录";

    public static IReadOnlyList<SpecialScore> Score(SheetInputs inputs) =>
        [.. inputs.Scheme.Programmes.Select(programme => Programme(programme, inputs))];

    private static SpecialScore Programme(ProgrammeSpec programme, SheetInputs inputs)
    {
        var indicators = programme.Indicators.Select(spec => Indicator(spec, inputs)).ToList();
        var all = indicators.Sum(i => i.MaxPoints);
        var met = indicators.Sum(i => i.Points);
        var points = all > 0 ? Math.Round(programme.Weight * met / all, 2, MidpointRounding.AwayFromZero) : 0;
        return new SpecialScore(programme.Code, programme.Name, programme.LeadDepartment, programme.Weight, points, indicators);
    }

    private static IndicatorScore Indicator(IndicatorSpec spec, SheetInputs inputs)
    {
        var (value, period, source) = ValueOf(spec, inputs);
        var baseline = Measured(inputs, spec.Code, spec.BaselineYear, Period.YearEnd)?.Value ?? spec.BaselineValue;
        var lastYear = spec.Kind == IndicatorKind.EnvironmentalQuality ? Measured(inputs, spec.Code, inputs.Year - 1, Period.YearEnd)?.Value : null;
        var outcome = IndicatorEvaluation.Evaluate(spec, value, baseline, lastYear);
        return new IndicatorScore(spec.Code, spec.Name, spec.Kind, spec.Unit, value is not null, value, period, source, outcome.TargetValue, outcome.Met,
            outcome.Met ? spec.Points : 0, spec.Points, lastYear, outcome.RedLine, baseline);
    }

    private static (double? Value, Period? Period, string? Source) ValueOf(IndicatorSpec spec, SheetInputs inputs)
    {
        if (spec.Kind == IndicatorKind.EnvironmentalQuality)
        {
            var measured = Measured(inputs, spec.Code, inputs.Year, Period.YearEnd) ?? Measured(inputs, spec.Code, inputs.Year, Period.HalfYear);
            return measured is null ? (null, null, null) : (measured.Value, measured.Period, measured.Source);
        }
        var rate = inputs.Figures is { } f ? Rate(spec.Kind, f) : null;
        return rate is null ? (null, null, null) : (rate, null, CaseRecords);
    }

    /// <summary>A rate in %, to two decimals; none without a denominator (no cases, nothing reported, nothing closed).</summary>
    public static double? Rate(IndicatorKind kind, CaseFigures figures)
    {
        var (part, whole) = kind switch
        {
            IndicatorKind.ProblemsSolved => (figures.Closed, figures.Cases),
            IndicatorKind.OnTimeRate => (figures.NeverOverdue, figures.Cases),
            IndicatorKind.RectificationVerified => (figures.Verified, figures.Reported),
            IndicatorKind.PublicSatisfaction => (figures.Satisfied, figures.Closed),
            _ => (0, 0),
        };
        return whole > 0 ? Math.Round(100.0 * part / whole, 2, MidpointRounding.AwayFromZero) : null;
    }

    private static IndicatorMeasurement? Measured(SheetInputs inputs, string indicatorCode, int year, Period period) =>
        inputs.Measurements.FirstOrDefault(m => m.IndicatorCode == indicatorCode && m.Year == year && m.Period == period);
}
