using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Domain.Bulletins;

public enum CadenceKind
{
    /// <summary>Every N calendar days from the inspection's start (a city: every 3).</summary>
    EveryDays = 1,
    /// <summary>On set weekdays (the province: twice a week).</summary>
    Weekdays = 2,
    /// <summary>Every working day on the official calendar (a county's running column during an inspection).</summary>
    WorkingDays = 3,
}

/// <summary>The days a bulletin period covers: from one publication day up to the day before the next.</summary>
public sealed record BulletinPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>The last day its bulletin may be published on time: the first working day after the period.</summary>
    public DateOnly DueBy(WorkingCalendar calendar) => calendar.NextWorkingDayFrom(End.AddDays(1));

    /// <summary>
    /// Whether its bulletin missed <paramref name="dueBy"/> as of <paramref name="today"/>: unpublished after that day, or
    /// published (<paramref name="publishedAt"/>, version 1) after it. What an office's list marks 逾期.
    /// </summary>
    public static bool Missed(DateOnly dueBy, DateTimeOffset? publishedAt, DateOnly today) =>
        publishedAt is { } at ? BeijingTime.DateOf(at) > dueBy : today > dueBy;
}

/// <summary>
/// How often a jurisdiction publishes its 边督边改 bulletin, as data: the cadence, from the inspection's start to its
/// end. Each period's draft is generated when the period is over; an office reviews and publishes it.
/// </summary>
public sealed class BulletinCadence : JurisdictionRecord
{
    public CadenceKind Kind { get; init; }
    public int EveryDays { get; init; }
    /// <summary>ISO weekday numbers (Monday 1 … Sunday 7) for <see cref="CadenceKind.Weekdays"/>.</summary>
    public List<int> Weekdays { get; init; } = [];
    public DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    /// <summary>
    /// When the office set the cadence. A cadence set with a start in the past still has its past periods drafted, but
    /// those that fell due before it was set are not announced overdue: no one had said they would fall due.
    /// </summary>
    public DateTimeOffset SetAt { get; init; }

    /// <summary>Whether a period unpublished by <paramref name="dueBy"/> counts as overdue under this cadence.</summary>
    public bool Binds(DateOnly dueBy) => dueBy >= BeijingTime.DateOf(SetAt);

    /// <summary>The cadence a level follows unless it sets another: a city every 3 days, the province Monday and Thursday, a county every working day.</summary>
    public static (CadenceKind Kind, int EveryDays, IReadOnlyList<int> Weekdays) DefaultFor(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.City => (CadenceKind.EveryDays, 3, []),
        JurisdictionLevel.Province => (CadenceKind.Weekdays, 0, [1, 4]),
        _ => (CadenceKind.WorkingDays, 0, []),
    };

    /// <summary>The periods that ended before <paramref name="today"/>, oldest first (the latest <paramref name="limit"/>).</summary>
    public IReadOnlyList<BulletinPeriod> EndedBefore(DateOnly today, WorkingCalendar calendar, int limit = 400)
    {
        // The last day an ended period can hold: yesterday, or the inspection's last day if that came first.
        var lastDay = End is { } end && end < today.AddDays(-1) ? end : today.AddDays(-1);
        var periods = new List<BulletinPeriod>();
        DateOnly? open = null;
        for (var day = Start; day <= lastDay.AddDays(1); day = day.AddDays(1))
        {
            // A period closes the day before the next publication day, or with the inspection.
            var closes = day > lastDay ? End == lastDay || IsPublicationDay(day, calendar) : IsPublicationDay(day, calendar);
            if (closes && open is { } from)
            {
                periods.Add(new BulletinPeriod(from, day.AddDays(-1)));
                open = null;
            }
            if (day <= lastDay && IsPublicationDay(day, calendar)) open = day;
        }
        return periods.Count > limit ? periods[^limit..] : periods;
    }

    private bool IsPublicationDay(DateOnly day, WorkingCalendar calendar) => day == Start || Kind switch
    {
        CadenceKind.EveryDays => (day.DayNumber - Start.DayNumber) % EveryDays == 0,
        CadenceKind.Weekdays => Weekdays.Contains(day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek),
        _ => calendar.IsWorkingDay(day),
    };
}
