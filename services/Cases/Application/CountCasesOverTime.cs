using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

public enum TrendInterval { Day, Week }

/// <summary>One day or week of a trend: the cases that came in, those closed in it, those open at its end.</summary>
public sealed record TrendPoint(DateOnly Start, DateOnly End, int Received, int Closed, int OpenAtEnd);

/// <summary>
/// 趋势: per Beijing day or ISO week (Monday to Sunday) of a period, how many cases of a subtree came in, how many were
/// closed, and how many were open at the end — from the cases as they stand now (a case reopened since is not counted
/// closed, and counts as open throughout). A bucket that has not begun is left out.
/// </summary>
/// <remarks>
/// Four reads whatever the number of buckets: the cases received and closed before the first bucket are counted, those
/// received and closed within the period are read as instants and placed in their buckets; open at a bucket's end is
/// then everything received by then less everything closed by then (a case is closed only after it was received).
/// </remarks>
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
        var buckets = Buckets(from, to, interval).Where(b => b.Start <= today).ToList();
        if (buckets.Count == 0) return [];
        // The bounds as instants, in locals so they are parameters of the queries.
        DateTimeOffset opens = BeijingTime.StartOf(buckets[0].Start), closes = BeijingTime.StartOf(buckets[^1].End.AddDays(1));
        var receivedBefore = await visible.CountAsync(c => c.ReceivedAt < opens, cancellationToken);
        var closedBefore = await visible.CountAsync(c => c.ClosedAt < opens, cancellationToken);
        var received = await visible.Where(c => c.ReceivedAt >= opens && c.ReceivedAt < closes).Select(c => c.ReceivedAt).ToListAsync(cancellationToken);
        var closed = await visible.Where(c => c.ClosedAt >= opens && c.ClosedAt < closes).Select(c => c.ClosedAt!.Value).ToListAsync(cancellationToken);
        var receivedIn = Tally(received, buckets);
        var closedIn = Tally(closed, buckets);
        var points = new List<TrendPoint>(buckets.Count);
        for (var i = 0; i < buckets.Count; i++)
        {
            receivedBefore += receivedIn[i];
            closedBefore += closedIn[i];
            points.Add(new TrendPoint(buckets[i].Start, buckets[i].End, receivedIn[i], closedIn[i], receivedBefore - closedBefore));
        }
        return points;
    }

    /// <summary>How many of <paramref name="instants"/> fall on each bucket's Beijing days.</summary>
    private static int[] Tally(List<DateTimeOffset> instants, List<(DateOnly Start, DateOnly End)> buckets)
    {
        var counts = new int[buckets.Count];
        foreach (var instant in instants)
        {
            var day = BeijingTime.DateOf(instant);
            var index = buckets.FindIndex(b => b.Start <= day && day <= b.End);
            if (index >= 0) counts[index]++;
        }
        return counts;
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
