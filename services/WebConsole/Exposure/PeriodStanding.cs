using Ducha.Contracts.Exposure.V1;

namespace Ducha.WebConsole.Exposure;

/// <summary>
/// A column's week (or month) against its minimum, as a clerk reads it: a verdict in words — 达标, 未达标, or 尚未达标 while
/// time remains — and what it means, never by colour alone.
/// </summary>
public sealed record PeriodStanding(DateOnly Start, DateOnly End, RhythmPeriod Period, int Minimum, int Planned, int Aired, bool ShortOfMinimum, bool Missed,
    DateOnly Today)
{
    public static PeriodStanding From(PeriodCompliance p, RhythmPeriod period, DateOnly today) =>
        new(ExposureWords.ParseDate(p.StartDate) ?? today, ExposureWords.ParseDate(p.EndDate) ?? today, period, p.Minimum, p.Planned, p.Aired, p.Short,
            p.Missed, today);

    public bool Met => Aired >= Minimum;

    /// <summary>Whether the period can no longer reach its minimum: it ended short, or too few air days remain.</summary>
    public bool Failed => !Met && (End < Today || Missed);

    public string Verdict => Met ? "达标" : Failed ? "未达标" : "尚未达标";

    /// <summary>达标, 未达标, 进行中: the class of the verdict's badge (its words say the same).</summary>
    public string Css => Met ? "met" : Failed ? "failed" : "open";

    public string Name => Period == RhythmPeriod.Month ? $"{Start.Month}月" : $"{ExposureWords.ShortDate(Start)}—{ExposureWords.ShortDate(End)}";

    /// <summary>本周（9月23日—9月29日）, 本月（9月）, or the period itself when it is not the current one.</summary>
    public string Label => Start <= Today && Today <= End ? $"{(Period == RhythmPeriod.Month ? "本月" : "本周")}（{Name}）" : Name;

    public string Counts => $"已播出 {Aired} 期，已安排 {Planned} 期，最低 {Minimum} 期";

    public string Explanation => this switch
    {
        { Met: true } => $"已播出 {Aired} 期，不少于最低 {Minimum} 期。",
        { Failed: true } when End < Today => $"只播出 {Aired} 期，少于最低 {Minimum} 期。",
        { Failed: true } => $"已播出 {Aired} 期，剩余播出日已不足以补足最低 {Minimum} 期。",
        { ShortOfMinimum: true } => $"还需播出 {Minimum - Aired} 期，已安排的节目不够，请再安排 {Math.Max(1, Minimum - Planned)} 期。",
        _ => $"还需播出 {Minimum - Aired} 期，按已安排的节目可以达标。",
    };
}
