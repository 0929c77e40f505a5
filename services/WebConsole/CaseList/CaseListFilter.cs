using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.CaseList;

/// <summary>
/// What a <c>/cases?…</c> list shows, as the overview links to it: a place's subtree, and at most one status, overdue
/// only, repeated at least so often, flagged buck-passing, received within dates, a search text. The same filter goes to <c>ListCases</c>, so the
/// list holds exactly the cases the overview counted; 待办 narrows what the person holds with it (no place there).
/// </summary>
public sealed record CaseListFilter(string? Jurisdiction, CaseStatus Status = CaseStatus.Unspecified, bool Overdue = false, int MinRepeat = 0,
    bool BuckPassing = false, string? Text = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null)
{
    public const string Path = "/cases";
    public const int MaxTextLength = 100;

    public bool Narrowed => Status != CaseStatus.Unspecified || Overdue || MinRepeat > 0 || BuckPassing || Text is { Length: > 0 }
        || ReceivedFrom is not null || ReceivedTo is not null;

    /// <summary>The list's address for these filters (and a page to start at), on the case list or another list page.</summary>
    public string Url(string? pageToken = null, string path = Path)
    {
        var query = new List<string>();
        if (Text is { Length: > 0 } text) query.Add("q=" + Uri.EscapeDataString(text));
        if (Jurisdiction is { Length: > 0 } code) query.Add("jurisdiction=" + Uri.EscapeDataString(code));
        if (Status != CaseStatus.Unspecified) query.Add("status=" + Status);
        if (Overdue) query.Add("overdue=1");
        if (MinRepeat > 0) query.Add("repeat=" + MinRepeat.ToString(CultureInfo.InvariantCulture));
        if (BuckPassing) query.Add("buck=1");
        if (ReceivedFrom is { } from) query.Add("from=" + WireDate.Format(from));
        if (ReceivedTo is { } to) query.Add("to=" + WireDate.Format(to));
        if (pageToken is { Length: > 0 }) query.Add("page=" + Uri.EscapeDataString(pageToken));
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    public ListCasesRequest ToRequest(int pageSize, string? pageToken) => new()
    {
        JurisdictionCode = Jurisdiction ?? string.Empty,
        Status = Status,
        OverdueOnly = Overdue,
        MinRepeatCount = MinRepeat,
        BuckPassingOnly = BuckPassing,
        Text = Text ?? string.Empty,
        ReceivedFrom = ReceivedFrom is { } from ? WireDate.Format(from) : string.Empty,
        ReceivedTo = ReceivedTo is { } to ? WireDate.Format(to) : string.Empty,
        PageSize = pageSize,
        PageToken = pageToken ?? string.Empty,
    };

    public ListHeldCasesRequest ToHeldRequest(int pageSize, string? pageToken) => new()
    {
        Status = Status,
        OverdueOnly = Overdue,
        MinRepeatCount = MinRepeat,
        BuckPassingOnly = BuckPassing,
        Text = Text ?? string.Empty,
        PageSize = pageSize,
        PageToken = pageToken ?? string.Empty,
    };

    /// <summary>
    /// The filter a query string asks for, or the words saying which part of it is not one: a hand-edited address is
    /// answered on the page, never with an error status.
    /// </summary>
    public static (CaseListFilter? Filter, string? Problem) Parse(string? jurisdiction, string? status, string? overdue, string? repeat, string? buck,
        string? text = null, string? from = null, string? to = null)
    {
        if (!TryDate(from, out var receivedFrom) || !TryDate(to, out var receivedTo)) return (null, "链接中的登记日期无效。");
        text = text?.Trim();
        if (text is { Length: > MaxTextLength }) return (null, $"搜索内容过长（最多 {MaxTextLength} 个字）。");
        var parsedStatus = IntakeChoices.Parse<CaseStatus>(status);
        if (status is { Length: > 0 } && parsedStatus == CaseStatus.Unspecified) return (null, "链接中的案件状态无效。");
        var minRepeat = 0;
        if (repeat is { Length: > 0 } && (!int.TryParse(repeat, NumberStyles.None, CultureInfo.InvariantCulture, out minRepeat) || minRepeat > 10_000))
            return (null, "链接中的重复次数无效。");
        if (jurisdiction is { Length: > 0 } code && (code.Length > 12 || !code.All(char.IsAsciiDigit))) return (null, "链接中的行政区代码无效。");
        return (new CaseListFilter(jurisdiction, parsedStatus, overdue == "1", minRepeat, buck == "1", text is { Length: > 0 } ? text : null,
            receivedFrom, receivedTo), null);
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return true;
        date = WireDate.Parse(text);
        return date is not null;
    }
}
