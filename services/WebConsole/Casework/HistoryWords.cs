using System.Globalization;
using System.Text.RegularExpressions;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The why of a history link in Chinese. The service writes each link's reason in its own fixed English phrasing (the
/// record is hashed and must not change), so the page reads the phrasings it knows and names places instead of codes;
/// anything else is shown as recorded, codes named.
/// </summary>
public sealed partial class HistoryWords(JurisdictionTree tree)
{
    public string Reason(string action, string reason)
    {
        var text = action switch
        {
            "AssignDown" when Assigned().Match(reason) is { Success: true } m =>
                $"交至{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}，{m.Groups["days"].Value} 个工作日，期限 {Date(m.Groups["due"].Value)}" + Why(m),
            "Return" when ToWhom().Match(reason) is { Success: true } m => $"退回{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}" + Why(m),
            "SendBack" when ToWhom().Match(reason) is { Success: true } m => $"发回{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}重办" + Why(m),
            "ReportHandling" when Reported().Match(reason) is { Success: true } m => Report(m),
            "Verify" when Verified().Match(reason) is { Success: true } m =>
                (m.Groups["up"].Success ? $"核查通过，报{Party(m.Groups["up"].Value, "")}" : "核查通过，受理机关核定")
                + (m.Groups["method"].Success ? $"（{Method(m.Groups["method"].Value)}）" : "") + Why(m),
            "Close" when Closed().Match(reason) is { Success: true } m =>
                $"四个不放过均已确认；回访：{Callback(m.Groups["callback"].Value)}"
                + (m.Groups["note"].Success ? $"（{m.Groups["note"].Value}）" : "")
                + (m.Groups["override"].Success ? $"；不满意仍销号的理由：{m.Groups["override"].Value}" : ""),
            "Receive" when Received().Match(reason) is { Success: true } m =>
                $"渠道：{Channel(m.Groups["channel"].Value)}" + (m.Groups["repeats"].Success ? $"；重复举报，关联案件 {m.Groups["repeats"].Value}" : ""),
            _ => null,
        };
        return text ?? Code().Replace(reason, c => tree.Find(c.Value)?.Name ?? c.Value);
    }

    private string Report(Match m) =>
        $"第 {m.Groups["number"].Value} 份办理报告报{Party(m.Groups["to"].Value, "")}："
        + (m.Groups["plan"].Success ? $"制定整改方案，{Date(m.Groups["plan"].Value)} 前完成，责任单位 {m.Groups["unit"].Value}" : "已立行立改")
        + (m.Groups["phases"].Success ? $"，分 {m.Groups["phases"].Value} 个阶段推进（涉及民生）" : "");

    private string Party(string code, string unit) =>
        unit.Length > 0 ? unit : tree.Find(code) is { } place ? place.Name : code;

    private static string Why(Match m) => m.Groups["why"].Success && m.Groups["why"].Value.Length > 0 ? "；理由：" + m.Groups["why"].Value : "";

    private static string Date(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : date;

    private static string Method(string name) =>
        Enum.TryParse<VerificationMethod>(name, out var method) ? CaseFactWords.Method(method) : name;

    private static string Callback(string name) =>
        Enum.TryParse<CallbackResult>(name, out var result) ? CaseFactWords.Callback(result) : name;

    private static string Channel(string name) =>
        Enum.TryParse<Channel>(name, out var channel) ? Inbox.CaseWords.Channel(channel) : name;

    [GeneratedRegex(@"^to (?<to>\d{6})(?: (?<unit>[^,]+))?, (?<days>\d+) working days, due (?<due>\d{4}-\d{2}-\d{2})(?:: (?<why>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Assigned();

    [GeneratedRegex(@"^to (?<to>\d{6})(?: (?<unit>[^:]+))?: (?<why>.*)$", RegexOptions.Singleline)]
    private static partial Regex ToWhom();

    [GeneratedRegex(@"^report (?<number>\d+) to (?<to>\d{6})[^:]*: (?:rectified now|rectification plan due (?<plan>\d{4}-\d{2}-\d{2}), (?<unit>.+?) responsible)(?:, (?<phases>\d+) phases \(livelihood\))?$", RegexOptions.Singleline)]
    private static partial Regex Reported();

    [GeneratedRegex(@"^accepted; (?:verified at the originating office|reported on to (?<up>\d{6}))(?: \((?<method>\w+)\))?(?:: (?<why>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Verified();

    [GeneratedRegex(@"^four not-let-go attested; callback (?<callback>\w+)(?: \((?<note>.*?)\))?(?:; overridden: (?<override>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Closed();

    [GeneratedRegex(@"^channel (?<channel>\w+)(?:; repeats case (?<repeats>\S+))?$")]
    private static partial Regex Received();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
