using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>How the offices owing follow-ups kept their deadlines.</summary>
/// <param name="Due">Follow-ups complete or past their deadline: what the on-time rate is counted over.</param>
public sealed record FollowUpTally(string JurisdictionCode, int Due, int OnTime, int Late, int Overdue, int Pending)
{
    public double OnTimeRate => Due == 0 ? 0 : (double)OnTime / Due;
}

/// <summary>A column's periods in the range: how many met their minimum and how many missed it.</summary>
public sealed record ColumnTally(Column Column, int Periods, int Met, int Missed, int Aired, int Minimum);

/// <summary>People held accountable of one rank for the level's exposed problems, as the cities' latest reports say.</summary>
public sealed record RankTally(CadreRank Rank, int Sanctioned, int FaultTolerated);

/// <summary>What one level tallies of its exposures, to analyse and improve: counts, follow-up discipline and column rhythm.</summary>
public sealed record ExposureStatistics(int Exposed, IReadOnlyDictionary<PollutionType, int> ByPollutionType, IReadOnlyDictionary<string, int> ByPlace,
    IReadOnlyDictionary<string, int> ByMonth, IReadOnlyDictionary<SelectionReasons, int> ByReason, IReadOnlyList<FollowUpTally> FollowUps,
    IReadOnlyList<ColumnTally> Columns, IReadOnlyList<RankTally> AccountabilityByRank)
{
    /// <summary>
    /// The statistics of <paramref name="root"/> over problems aired on Beijing dates [<paramref name="from"/>, <paramref name="to"/>]:
    /// those its own offices aired and those aired above that concern it. Places are counted by the jurisdiction directly
    /// below the root (the root itself for a county); follow-ups by the office that owes them, judged on <paramref name="today"/>.
    /// </summary>
    /// <param name="reports">The cities' submitted reports: the latest version of each city and period counts.</param>
    public static ExposureStatistics Compute(string root, IEnumerable<ExposureProblem> aired, IEnumerable<Column> columns, IEnumerable<Programme> programmes,
        IEnumerable<AccountabilityReport> reports, DateOnly from, DateOnly to, DateOnly today, JurisdictionTree tree, WorkingCalendar calendar)
    {
        var problems = aired.Where(p => p.AiredAt is { } at && BeijingTime.DateOf(at) >= from && BeijingTime.DateOf(at) <= to
                                        && (tree.IsWithin(p.JurisdictionCode, root) || tree.IsWithin(p.PlaceJurisdictionCode, root))).ToList();
        var followUps = problems.Where(p => p.FollowUpJurisdictionCode is not null && tree.IsWithin(p.FollowUpJurisdictionCode, root))
            .GroupBy(p => p.FollowUpJurisdictionCode!)
            .Select(g =>
            {
                var states = g.Select(p => p.FollowUpStateOn(today)).ToList();
                int Count(FollowUpState s) => states.Count(x => x == s);
                return new FollowUpTally(g.Key, Count(FollowUpState.OnTime) + Count(FollowUpState.Late) + Count(FollowUpState.Overdue),
                    Count(FollowUpState.OnTime), Count(FollowUpState.Late), Count(FollowUpState.Overdue), Count(FollowUpState.Pending));
            })
            .OrderBy(t => t.JurisdictionCode, StringComparer.Ordinal).ToList();
        var programmeList = programmes.ToList();
        var columnTallies = columns.Where(c => tree.IsWithin(c.JurisdictionCode, root)).OrderBy(c => c.JurisdictionCode, StringComparer.Ordinal).ThenBy(c => c.CreatedAt)
            .Select(c =>
            {
                var periods = ColumnCompliance.Compute(c, programmeList, from, to, today, calendar).Where(p => p.End < today).ToList();
                return new ColumnTally(c, periods.Count, periods.Count(p => p.Aired >= p.Minimum), periods.Count(p => p.Missed), periods.Sum(p => p.Aired),
                    periods.Sum(p => p.Minimum));
            }).ToList();
        return new ExposureStatistics(problems.Count,
            Tally<PollutionType>(problems, p => [p.PollutionType]),
            Tally<string>(problems, p => [PlaceBelow(root, p.PlaceJurisdictionCode, tree)]),
            Tally<string>(problems, p => [$"{BeijingTime.DateOf(p.AiredAt!.Value):yyyy-MM}"]),
            Tally(problems, p => Enum.GetValues<SelectionReasons>().Where(r => r != SelectionReasons.None && p.Reasons.HasFlag(r))),
            followUps, columnTallies, ByRank(root, reports, from, to, tree));
    }

    private static List<RankTally> ByRank(string root, IEnumerable<AccountabilityReport> reports, DateOnly from, DateOnly to, JurisdictionTree tree)
    {
        var people = reports.Where(r => !r.IsDraft).GroupBy(r => (r.JurisdictionCode, r.Period)).Select(g => g.MaxBy(r => r.Version)!)
            .SelectMany(r => r.Problems)
            .Where(p => p.AiredOn >= from && p.AiredOn <= to && tree.IsWithin(p.PlaceJurisdictionCode, root))
            .SelectMany(p => p.People).ToList();
        return [.. people.GroupBy(t => t.Rank).OrderBy(g => g.Key)
            .Select(g => new RankTally(g.Key, g.Where(t => !t.FaultTolerated).Sum(t => t.Count), g.Where(t => t.FaultTolerated).Sum(t => t.Count)))];
    }

    private static SortedDictionary<TKey, int> Tally<TKey>(IEnumerable<ExposureProblem> problems, Func<ExposureProblem, IEnumerable<TKey>> keys) where TKey : notnull
    {
        var result = new SortedDictionary<TKey, int>();
        foreach (var key in problems.SelectMany(keys)) result[key] = result.GetValueOrDefault(key) + 1;
        return result;
    }

    /// <summary>The jurisdiction directly below <paramref name="root"/> containing the place; the place itself at or above it.</summary>
    private static string PlaceBelow(string root, string place, JurisdictionTree tree) =>
        place == root || !tree.IsWithin(place, root) ? place
            : tree.Find(place)?.ParentCode == root ? place
            : tree.Ancestors(place).FirstOrDefault(a => a.ParentCode == root)?.Code ?? place;
}
