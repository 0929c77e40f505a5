using System.Globalization;
using Ducha.Reference.Calendar;

namespace Ducha.Exposure.Domain;

/// <summary>
/// A period a city reports accountability on: a calendar month (monthly is the cadence the province set), counted in
/// Beijing dates, so an exposure belongs to the month its airing fell in, in Beijing, whatever zone a server keeps.
/// </summary>
public readonly record struct ReportingPeriod
{
    /// <summary>
    /// [product rule] The seeds say cities report "periodically" (000 §五) without a date; the report on a month is due
    /// by the end of the 10th of the month after, which leaves a city the first working week to collect its counties'.
    /// </summary>
    public const int DueDayOfNextMonth = 10;

    public const string Pattern = "yyyy-MM";

    public ReportingPeriod(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2199);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        (Year, Month) = (year, month);
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>00:00 Beijing time on the first day: the first instant of the period.</summary>
    public DateTimeOffset Start => BeijingTime.StartOf(FirstDay);

    /// <summary>00:00 Beijing time on the first day of the next month: the first instant after the period.</summary>
    public DateTimeOffset End => BeijingTime.StartOf(FirstDay.AddMonths(1));

    public DateOnly DueDate => FirstDay.AddMonths(1).AddDays(DueDayOfNextMonth - 1);

    /// <summary>Reports and draws wait for the month to be over: problems aired later in it would be missing.</summary>
    public bool HasEndedBy(DateOnly today) => today > LastDay;

    /// <summary>As people write it in a notice: 2024年9月.</summary>
    public string ChineseName => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Month}月");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>Exactly <c>yyyy-MM</c>, a year between 1900 and 2199 (the dates Ducha accepts anywhere).</summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (!DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year is < 1900 or > 2199)
            return false;
        period = new ReportingPeriod(first.Year, first.Month);
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period in the form {Pattern}.");
}
