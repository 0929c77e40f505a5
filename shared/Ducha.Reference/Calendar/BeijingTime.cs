namespace Ducha.Reference.Calendar;

/// <summary>
/// Dates in Ducha are Beijing dates: a deadline "2024-10-14" runs to midnight in Asia/Shanghai, whatever zone the
/// server keeps. Converting between instants and Beijing dates and wall times happens here and nowhere else.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The Beijing calendar date an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant of a Beijing wall-clock time.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));

    /// <summary>00:00 Beijing time on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date.ToDateTime(TimeOnly.MinValue));

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        // China has kept UTC+8 without daylight saving since 1991; a machine without tzdata still gets it right.
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }
}
