using Ducha.Reference.Calendar;

namespace Ducha.Exposure.Domain;

public enum ScheduleSignalKind
{
    /// <summary>The scheduled programmes cannot reach the minimum, but there is still time to schedule more.</summary>
    ScheduleShort = 1,
    /// <summary>Aired plus the remaining air days can no longer reach the minimum.</summary>
    MinimumMissed = 2,
}

/// <summary>
/// That a column was told its period falls short, kept so each kind is raised once per column and period: the watch
/// runs every hour, and an office told every hour stops reading.
/// </summary>
public sealed class ScheduleSignal
{
    public required string ColumnId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public ScheduleSignalKind Kind { get; init; }
    /// <summary>The period as it stood when the signal was raised; not stored, the event carries it.</summary>
    public PeriodCompliance? Period { get; init; }
    public DateTimeOffset RaisedAt { get; init; }

    /// <summary>
    /// The signals due for <paramref name="column"/> on <paramref name="today"/>, given its periods up to today and the
    /// signals already raised. "Short" is raised on an air day of the running period only (it asks for scheduling while
    /// that can help); "missed" as soon as it is certain, also for a period that ended while nobody looked — but not for
    /// one that ended before the column was registered, which nobody could have planned here.
    /// </summary>
    public static IReadOnlyList<ScheduleSignal> Due(Column column, IEnumerable<PeriodCompliance> periods, DateOnly today,
        IReadOnlySet<(DateOnly PeriodStart, ScheduleSignalKind Kind)> raised, DateTimeOffset now)
    {
        var registered = BeijingTime.DateOf(column.CreatedAt);
        var due = new List<ScheduleSignal>();
        foreach (var period in periods.Where(p => p.Start <= today && p.End >= registered))
        {
            var kind = period.Missed ? ScheduleSignalKind.MinimumMissed
                : period.ShortOfMinimum && period.End >= today && column.AirsOn(today) ? ScheduleSignalKind.ScheduleShort
                : (ScheduleSignalKind?)null;
            if (kind is { } k && !raised.Contains((period.Start, k)))
                due.Add(new ScheduleSignal { ColumnId = column.Id, PeriodStart = period.Start, Kind = k, Period = period, RaisedAt = now });
        }
        return due;
    }
}
