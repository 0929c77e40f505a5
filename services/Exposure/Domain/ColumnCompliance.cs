using Ducha.Reference.Calendar;

namespace Ducha.Exposure.Domain;

/// <summary>One week or month of a column: what is planned and aired against what it owes.</summary>
/// <param name="ShortOfMinimum">Time remains, but the programmes scheduled for the remaining air days cannot reach the minimum: schedule more.</param>
/// <param name="Missed">Aired plus every remaining air day can no longer reach the minimum.</param>
public sealed record PeriodCompliance(DateOnly Start, DateOnly End, int Minimum, int Planned, int Aired, bool ShortOfMinimum, bool Missed);

/// <summary>A column's record against its rhythm, period by period.</summary>
public static class ColumnCompliance
{
    /// <summary>
    /// The periods (ISO weeks or months, per the column) overlapping [<paramref name="from"/>, <paramref name="to"/>] from
    /// the column's start on, as of <paramref name="today"/> (a Beijing date): today's air day still counts as remaining
    /// until its programme has aired.
    /// </summary>
    public static IReadOnlyList<PeriodCompliance> Compute(Column column, IEnumerable<Programme> programmes, DateOnly from, DateOnly to, DateOnly today,
        WorkingCalendar calendar)
    {
        var byDate = programmes.Where(p => p.ColumnId == column.Id).GroupBy(p => p.AirDate).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<PeriodCompliance>();
        for (var start = PeriodStart(column.Period, from); start <= to; start = NextStart(column.Period, start))
        {
            var end = NextStart(column.Period, start).AddDays(-1);
            if (end < column.StartDate) continue;
            result.Add(Assess(column, byDate, start, end, today, calendar));
        }
        return result;
    }

    private static PeriodCompliance Assess(Column column, Dictionary<DateOnly, List<Programme>> byDate, DateOnly start, DateOnly end, DateOnly today,
        WorkingCalendar calendar)
    {
        var airDays = new List<DateOnly>();
        var holidays = 0;
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (!column.AirsOn(day)) continue;
            // Only when the column's settings say so does a public holiday on an air day excuse that day's programme.
            if (column.HolidaysLowerMinimum && IsPublicHoliday(calendar, day)) { holidays++; continue; }
            airDays.Add(day);
        }
        // A column that started within the period owes no more than the air days it had.
        var minimum = Math.Max(0, Math.Min(column.Minimum - holidays, airDays.Count));
        var inPeriod = byDate.Where(d => d.Key >= start && d.Key <= end).SelectMany(d => d.Value).ToList();
        var aired = inPeriod.Count(p => p.AiredAt is not null);
        var remainingDays = airDays.Where(d => d >= today).ToList();
        var pendingScheduled = remainingDays.Sum(d => byDate.TryGetValue(d, out var ps) ? ps.Count(p => p.AiredAt is null) : 0);
        var openDays = remainingDays.Count(d => !byDate.TryGetValue(d, out var ps) || ps.All(p => p.AiredAt is null));
        var missed = aired + openDays < minimum;
        var isShort = !missed && aired + pendingScheduled < minimum;
        return new PeriodCompliance(start, end, minimum, inPeriod.Count, aired, isShort, missed);
    }

    private static bool IsPublicHoliday(WorkingCalendar calendar, DateOnly day)
    {
        var entry = calendar.GetDay(day);
        return !entry.Working && entry.Name is not null;
    }

    private static DateOnly PeriodStart(RhythmPeriod period, DateOnly date) => period == RhythmPeriod.Week
        ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7))
        : new DateOnly(date.Year, date.Month, 1);

    private static DateOnly NextStart(RhythmPeriod period, DateOnly start) => period == RhythmPeriod.Week ? start.AddDays(7) : start.AddMonths(1);
}
