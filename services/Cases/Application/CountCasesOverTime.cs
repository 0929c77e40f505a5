using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

public enum TrendInterval { Day, Week }

/// <summary>One day or week of a trend: the cases that came in, those closed in it, those open at its end.</summary>
public sealed record TrendPoint(DateOnly Start, DateOnly End, int Received, int Closed, int OpenAtEnd);

/// <summary>
/// 趋势: per Beijing day or ISO week (Monday to Sunday) of a period, how many cases of a subtree came in, how many were
/// closed, and how many were open at the end — from the cases as they stand now (a case reopened since is not counted
/// closed, and counts as open throughout). One count per figure, in the database; a bucket that has not begun is left out.
/// </summary>
public sealed class CountCasesOverTime(VisibleCases cases, TimeProvider time)
{
    public const string Operation = "CountCasesOverTime";
    public const int MaxDays = 62, MaxWeeks = 53;

    public async Task<List<TrendPoint>> HandleAsync(string root, DateOnly from, DateOnly to, TrendInterval interval, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCase.Readers);
        var visible = await cases.WithinAsync(root, actor, Operation, cancellationToken);
        var today = BeijingTime.DateOf(time.GetUtcNow());
        var points = new List<TrendPoint>();
        foreach (var (start, end) in Buckets(from, to, interval).Where(b => b.Start <= today))
        {
            // The bucket's bounds as instants, in locals so they are parameters of the query.
            DateTimeOffset opens = BeijingTime.StartOf(start), closes = BeijingTime.StartOf(end.AddDays(1));
            var received = await visible.CountAsync(c => c.ReceivedAt >= opens && c.ReceivedAt < closes, cancellationToken);
            var closed = await visible.CountAsync(c => c.ClosedAt >= opens && c.ClosedAt < closes, cancellationToken);
            var open = await visible.CountAsync(c => c.ReceivedAt < closes && (c.ClosedAt == null || c.ClosedAt >= closes), cancellationToken);
            points.Add(new TrendPoint(start, end, received, closed, open));
        }
        return points;
    }

    /// <summary>The days of the period, or the ISO weeks that overlap it (whole weeks, so every point counts seven days).</summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Buckets(DateOnly from, DateOnly to, TrendInterval interval)
    {
        if (interval == TrendInterval.Day)
        {
            for (var day = from; day <= to; day = day.AddDays(1)) yield return (day, day);
            yield break;
        }
        for (var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7)); monday <= to; monday = monday.AddDays(7))
            yield return (monday, monday.AddDays(6));
    }
}
