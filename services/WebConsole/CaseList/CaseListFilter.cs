using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.WebConsole.Intake;

namespace Ducha.WebConsole.CaseList;

/// <summary>
/// What a <c>/cases?…</c> list shows, as the overview links to it: a place's subtree, and at most one status, overdue
/// only, repeated at least so often, flagged buck-passing. The same filter goes to <c>ListCases</c>, so the list holds
/// exactly the cases the overview counted.
/// </summary>
public sealed record CaseListFilter(string? Jurisdiction, CaseStatus Status = CaseStatus.Unspecified, bool Overdue = false, int MinRepeat = 0,
    bool BuckPassing = false)
{
    public const string Path = "/cases";

    /// <summary>The list's address for these filters (and a page to start at).</summary>
    public string Url(string? pageToken = null)
    {
        var query = new List<string>();
        if (Jurisdiction is { Length: > 0 } code) query.Add("jurisdiction=" + Uri.EscapeDataString(code));
        if (Status != CaseStatus.Unspecified) query.Add("status=" + Status);
        if (Overdue) query.Add("overdue=1");
        if (MinRepeat > 0) query.Add("repeat=" + MinRepeat.ToString(CultureInfo.InvariantCulture));
        if (BuckPassing) query.Add("buck=1");
        if (pageToken is { Length: > 0 }) query.Add("page=" + Uri.EscapeDataString(pageToken));
        return query.Count == 0 ? Path : Path + "?" + string.Join('&', query);
    }

    public ListCasesRequest ToRequest(int pageSize, string? pageToken) => new()
    {
        JurisdictionCode = Jurisdiction ?? string.Empty,
        Status = Status,
        OverdueOnly = Overdue,
        MinRepeatCount = MinRepeat,
        BuckPassingOnly = BuckPassing,
        PageSize = pageSize,
        PageToken = pageToken ?? string.Empty,
    };

    /// <summary>
    /// The filter a query string asks for, or the words saying which part of it is not one: a hand-edited address is
    /// answered on the page, never with an error status.
    /// </summary>
    public static (CaseListFilter? Filter, string? Problem) Parse(string? jurisdiction, string? status, string? overdue, string? repeat, string? buck)
    {
        var parsedStatus = IntakeChoices.Parse<CaseStatus>(status);
        if (status is { Length: > 0 } && parsedStatus == CaseStatus.Unspecified) return (null, "链接中的案件状态无效。");
        var minRepeat = 0;
        if (repeat is { Length: > 0 } && (!int.TryParse(repeat, NumberStyles.None, CultureInfo.InvariantCulture, out minRepeat) || minRepeat > 10_000))
            return (null, "链接中的重复次数无效。");
        if (jurisdiction is { Length: > 0 } code && (code.Length > 12 || !code.All(char.IsAsciiDigit))) return (null, "链接中的行政区代码无效。");
        return (new CaseListFilter(jurisdiction, parsedStatus, overdue == "1", minRepeat, buck == "1"), null);
    }
}
