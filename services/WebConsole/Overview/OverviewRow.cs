using Ducha.Contracts.Cases.V1;
using Ducha.WebConsole.CaseList;

namespace Ducha.WebConsole.Overview;

/// <summary>A status column of the overview: the words in its header and how to read it off a count.</summary>
public sealed record StatusColumn(CaseStatus Status, string Label, Func<JurisdictionCaseCount, int> Of)
{
    public static IReadOnlyList<StatusColumn> All { get; } =
    [
        new(CaseStatus.Received, "待交办", c => c.Received),
        new(CaseStatus.Assigned, "已交办", c => c.Assigned),
        new(CaseStatus.Returned, "已退回", c => c.Returned),
        new(CaseStatus.Reported, "待核查", c => c.Reported),
        new(CaseStatus.SentBack, "退回重办", c => c.SentBack),
        new(CaseStatus.Verified, "待销号", c => c.Verified),
        new(CaseStatus.Closed, "已销号", c => c.Closed),
        new(CaseStatus.Reopened, "重新办理", c => c.Reopened),
    ];
}

/// <summary>
/// One line of the overview: a place below the office (or the office's own level), its cases by status as
/// <c>CountCases</c> counts them, how many are overdue and flagged buck-passing. <see cref="Drill"/> is the place whose
/// subtree holds exactly these cases; null for the office's own level when it also has places below (no list filter
/// separates its own cases from theirs).
/// </summary>
public sealed record OverviewRow(string Label, string? Drill, JurisdictionCaseCount Counts)
{
    public int BuckPassing => Counts.BuckPassing;

    /// <summary>Still being handled: neither verified nor closed, so a deadline is running or due to run.</summary>
    public int Open => Counts.Total - Counts.Verified - Counts.Closed;

    /// <summary>Of the open cases, the share past their deadline; null with no open case.</summary>
    public double? OverdueRate => Open == 0 ? null : (double)Counts.Overdue / Open;

    /// <summary>Of the open cases, the share still within their deadline.</summary>
    public double? OnTimeRate => Open == 0 ? null : (double)(Open - Counts.Overdue) / Open;

    public string? Link(CaseStatus status = CaseStatus.Unspecified, bool overdue = false, bool buck = false) =>
        Drill is null ? null : new CaseListFilter(Drill, status, overdue, BuckPassing: buck).Url();

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Adds one jurisdiction's count into a running total.</summary>
    public static void Add(JurisdictionCaseCount into, JurisdictionCaseCount count)
    {
        into.Total += count.Total;
        into.Received += count.Received;
        into.Assigned += count.Assigned;
        into.Returned += count.Returned;
        into.Reported += count.Reported;
        into.SentBack += count.SentBack;
        into.Verified += count.Verified;
        into.Closed += count.Closed;
        into.Reopened += count.Reopened;
        into.Overdue += count.Overdue;
        into.BuckPassing += count.BuckPassing;
    }
}
