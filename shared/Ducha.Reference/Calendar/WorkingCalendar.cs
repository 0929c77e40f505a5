using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Ducha.Reference.Calendar;

/// <summary>
/// What the calendar says of one date. <paramref name="Provisional"/>: the date lies past the last official holiday notice,
/// so Monday to Friday are taken as working days until the operator loads the next notice.
/// </summary>
public sealed record CalendarDay(DateOnly Date, bool Working, string? Name, bool Provisional = false);

/// <summary>
/// A date the calendar cannot speak of: before its first official year, or so far past the last notice that even a
/// provisional answer would be meaningless.
/// </summary>
public sealed class CalendarRangeException(DateOnly date, DateOnly first, DateOnly last)
    : Exception($"{date:yyyy-MM-dd} is outside the calendar, which covers {first:yyyy-MM-dd} to {last:yyyy-MM-dd} (provisionally, Monday to Friday, after the last official notice).")
{
    public DateOnly Date { get; } = date;
}

/// <summary>
/// China's working days as the State Council's holiday notices set them: Monday to Friday, except statutory
/// holidays, plus the weekend days made working days (调休). "Within N working days" is counted on this. Past the last
/// notice (<see cref="LastDate"/>) the calendar goes on provisionally, Monday to Friday, rather than refuse a deadline:
/// anything computed on those days is marked provisional and recomputed once the operator loads the next notice.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<DateOnly, string> _holidays;
    private readonly FrozenDictionary<DateOnly, string> _workdays;

    public WorkingCalendar(DateOnly firstDate, DateOnly lastDate, IReadOnlyDictionary<DateOnly, string> holidays,
        IReadOnlyDictionary<DateOnly, string> makeUpWorkdays, string source)
    {
        FirstDate = firstDate;
        LastDate = lastDate;
        _holidays = holidays.ToFrozenDictionary();
        _workdays = makeUpWorkdays.ToFrozenDictionary();
        Source = source;
    }

    public DateOnly FirstDate { get; }
    /// <summary>The last day of the last official notice loaded.</summary>
    public DateOnly LastDate { get; }
    public string Source { get; }

    /// <summary>How far the provisional calendar goes: far enough for any deadline, bounded so every count ends.</summary>
    public DateOnly ProvisionalUntil => LastDate.AddYears(ProvisionalYears);

    public const int ProvisionalYears = 20;

    /// <summary>Whether a date is past the last official notice, so what is computed on it is provisional.</summary>
    public bool IsProvisional(DateOnly date) => date > LastDate;

    public CalendarDay GetDay(DateOnly date)
    {
        EnsureCovered(date);
        if (IsProvisional(date)) return new CalendarDay(date, date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null, Provisional: true);
        if (_holidays.TryGetValue(date, out var holiday)) return new CalendarDay(date, false, holiday);
        if (_workdays.TryGetValue(date, out var makeUp)) return new CalendarDay(date, true, makeUp);
        return new CalendarDay(date, date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null);
    }

    public bool IsWorkingDay(DateOnly date) => GetDay(date).Working;

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        EnsureCovered(from);
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: how many a deadline gives.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        EnsureCovered(from);
        EnsureCovered(to);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    private void EnsureCovered(DateOnly date)
    {
        if (date < FirstDate || date > ProvisionalUntil) throw new CalendarRangeException(date, FirstDate, ProvisionalUntil);
    }

    /// <summary>The calendar shipped with Ducha (see tools/reference-data).</summary>
    public static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("Ducha.Reference.calendar.json")
            ?? throw new InvalidOperationException("The embedded calendar data is missing.");
        return Read(stream);
    }

    /// <summary>Reads calendar data in the shipped format: source, firstDate, lastDate, holidays and workdays by date.</summary>
    public static WorkingCalendar Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Dictionary<DateOnly, string> Days(string name) => root.GetProperty(name).EnumerateObject()
            .ToDictionary(p => ParseDate(p.Name), p => p.Value.GetString()!);
        var calendar = new WorkingCalendar(ParseDate(root.GetProperty("firstDate").GetString()!), ParseDate(root.GetProperty("lastDate").GetString()!),
            Days("holidays"), Days("workdays"), root.GetProperty("source").GetString()!);
        if (calendar.LastDate < calendar.FirstDate || calendar._holidays.Keys.Concat(calendar._workdays.Keys).Any(d => d < calendar.FirstDate || d > calendar.LastDate))
            throw new FormatException("Calendar data lists days outside its own firstDate..lastDate.");
        var clash = calendar._holidays.Keys.Intersect(calendar._workdays.Keys).Order().ToList();
        if (clash.Count > 0)
            throw new FormatException($"Calendar data lists {clash[0]:yyyy-MM-dd} both as a holiday and as a make-up working day.");
        return calendar;
    }

    /// <summary>
    /// This calendar followed by <paramref name="next"/>, which must start the day after this one ends: a year's State
    /// Council notice appended by an operator before Ducha ships it.
    /// </summary>
    public WorkingCalendar FollowedBy(WorkingCalendar next)
    {
        if (next.FirstDate != LastDate.AddDays(1))
            throw new FormatException($"The added calendar must start on {LastDate.AddDays(1):yyyy-MM-dd}, the day after the shipped one ends; it starts on {next.FirstDate:yyyy-MM-dd}.");
        return new WorkingCalendar(FirstDate, next.LastDate, _holidays.Concat(next._holidays).ToDictionary(), _workdays.Concat(next._workdays).ToDictionary(),
            $"{Source}; {next.Source}");
    }

    /// <summary>The calendar as it stood when the notices ended on <paramref name="lastDate"/>: what a service knew before the next one.</summary>
    public WorkingCalendar Until(DateOnly lastDate) => new(FirstDate, lastDate,
        _holidays.Where(p => p.Key <= lastDate).ToDictionary(), _workdays.Where(p => p.Key <= lastDate).ToDictionary(), $"{Source} (to {lastDate:yyyy-MM-dd})");

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
