using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Measurements;

/// <summary>
/// A measured value of an environmental-quality indicator for a jurisdiction, year and period, with where the figure
/// comes from. Recording again for the same jurisdiction, indicator, year and period replaces it: the earlier one stays,
/// no longer current, so nobody can quietly change a figure a score was computed from.
/// </summary>
public sealed class Measurement : JurisdictionRecord
{
    public const string RecordOperation = "RecordMeasurement", ListOperation = "ListMeasurements";
    public const int EarliestYear = 2000, LatestYear = 2100, MaxSource = 200, MaxIndicatorCode = SchemeContentRules.MaxCode;

    public required string IndicatorCode { get; init; }
    public int Year { get; init; }
    public Period Period { get; init; }
    public double Value { get; init; }
    public required string Source { get; init; }
    public required string RecordedByJurisdictionCode { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>False once the same jurisdiction, indicator, year and period is recorded again.</summary>
    public bool Current { get; private set; }

    /// <summary>
    /// The office, the assessors or a lead department at or above the jurisdiction record its figures (reach is checked
    /// where the jurisdiction is known). A half-year value may come before 30 June: nothing here judges lateness.
    /// </summary>
    public static Measurement Record(string jurisdictionCode, string indicatorCode, int year, Period period, double value, string source, Actor actor,
        string? idempotencyKey, DateTimeOffset now)
    {
        actor.Require(RecordOperation, Role.Office, Role.Assessor, Role.LeadDepartment);
        var problems = new List<FieldViolation>();
        if (year is < EarliestYear or > LatestYear) problems.Add(new("year", $"must be between {EarliestYear} and {LatestYear}"));
        if (!Enum.IsDefined(period)) problems.Add(new("period", "must be PERIOD_HALF_YEAR or PERIOD_YEAR_END"));
        if (!double.IsFinite(value)) problems.Add(new("value", "must be a finite number"));
        if (string.IsNullOrWhiteSpace(source)) problems.Add(new("source", "is required: where the figure comes from"));
        else if (source.Length > MaxSource) problems.Add(new("source", $"must be at most {MaxSource} characters"));
        if (problems.Count > 0) throw new RequestValidationException(problems);
        return new Measurement
        {
            JurisdictionCode = jurisdictionCode,
            IndicatorCode = indicatorCode,
            Year = year,
            Period = period,
            Value = value,
            Source = source.Trim(),
            RecordedByJurisdictionCode = actor.JurisdictionCode,
            RecordedAt = now,
            Current = true,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>This value gives way to <paramref name="next"/>, recorded for the same jurisdiction, indicator, year and period.</summary>
    public void ReplaceBy(Measurement next)
    {
        if (next.JurisdictionCode != JurisdictionCode || next.IndicatorCode != IndicatorCode || next.Year != Year || next.Period != Period)
            throw new InvalidOperationException("A measurement is replaced only by one of the same jurisdiction, indicator, year and period.");
        Current = false;
    }

    /// <summary>Whether <paramref name="schemes"/> hold an environmental-quality indicator with <paramref name="indicatorCode"/>.</summary>
    public static bool IsMeasuredIndicator(IEnumerable<SchemeContent> schemes, string indicatorCode) =>
        schemes.Any(s => s.Programmes.Any(p => p.Indicators.Any(i => i.Code == indicatorCode && i.Kind == IndicatorKind.EnvironmentalQuality)));
}
