using System.Globalization;
using System.Text.RegularExpressions;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;

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
            _ => Oversight(action, reason) ?? Watch(action, reason),
        };
        return text ?? Code().Replace(reason, c => tree.Find(c.Value)?.Name ?? c.Value);
    }

    /// <summary>督 and 问责 as the service words them: supervision, a stop order's check, accountability, a clue referred.</summary>
    private string? Oversight(string action, string reason) => action switch
    {
        "Supervise" when Supervised().Match(reason) is { Success: true } m =>
            (OversightWords.FromHistory<SupervisionKind>(m.Groups["kind"].Value, OversightWords.Supervision) ?? m.Groups["kind"].Value)
            + (m.Groups["leader"].Success ? $"，{LeaderTitle(m.Groups["kind"].Value)}：{m.Groups["leader"].Value}" : "")
            + (m.Groups["note"].Success ? $"；要求：{m.Groups["note"].Value}" : ""),
        "VerifyStopMeasure" when StopChecked().Match(reason) is { Success: true } m =>
            $"第 {m.Groups["number"].Value} 项措施现场核查：{m.Groups["finding"].Value}",
        "RecordAccountability" when Accountable().Match(reason) is { Success: true } m =>
            $"记录被问责人员 {m.Groups["people"].Value} 人" + (m.Groups["exempted"].Value == "0" ? "" : $"，其中容错免责 {m.Groups["exempted"].Value} 人"),
        "ReferClue" when ClueReferred().Match(reason) is { Success: true } m => $"问题线索移送{Party(m.Groups["organ"].Value, "")}纪委监委",
        _ => null,
    };

    /// <summary>What the deadline watch writes: reminders, missed deadlines, unchecked stops, deliveries after quiet hours, recounts.</summary>
    private string? Watch(string action, string reason) => action switch
    {
        "Remind" when Reminded().Match(reason) is { Success: true } m =>
            $"提醒{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}：距期限 {Date(m.Groups["due"].Value)} 还有 {m.Groups["left"].Value} 个工作日",
        "Overdue" when Missed().Match(reason) is { Success: true } m =>
            $"{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}未在期限 {Date(m.Groups["due"].Value)} 前办结",
        "StopVerificationOverdue" when StopUnchecked().Match(reason) is { Success: true } m =>
            $"第 {m.Groups["number"].Value} 项措施（{OversightWords.FromHistory<MeasureKind>(m.Groups["kind"].Value, OversightWords.Measure) ?? m.Groups["kind"].Value}）"
            + $"未在 {Date(m.Groups["due"].Value)} 前现场核查（长停久治、久治不验）",
        "Deliver" when Delivered().Match(reason) is { Success: true } m =>
            $"夜间交办，{Date(m.Groups["day"].Value)} {m.Groups["time"].Value} 送达{Party(m.Groups["to"].Value, m.Groups["unit"].Value)}，期限 {Date(m.Groups["due"].Value)}",
        "Reopen" or "RepeatComplaint" when Repeated().Match(reason) is { Success: true } m =>
            $"重复举报（案件 {m.Groups["id"].Value}），第 {m.Groups["count"].Value} 次",
        "RecountDeadline" when Recounted().Match(reason) is { Success: true } m =>
            $"按新发布的节假日安排重新计算 {m.Groups["hops"].Value} 个暂定期限"
            + (m.Groups["from"].Success ? $"；承办方期限由 {Date(m.Groups["from"].Value)} 改为 {Date(m.Groups["to"].Value)}" : ""),
        _ => null,
    };

    private static string LeaderTitle(string kind) =>
        OversightWords.Parse<SupervisionKind>(kind) is { } k ? OversightWords.LeaderTitle(k) : "督办领导";

    private string Report(Match m) =>
        $"第 {m.Groups["number"].Value} 份办理报告报{Party(m.Groups["to"].Value, "")}："
        + (m.Groups["plan"].Success ? $"制定整改方案，{Date(m.Groups["plan"].Value)} 前完成，责任单位 {m.Groups["unit"].Value}" : "已立行立改")
        + (m.Groups["phases"].Success ? $"，分 {m.Groups["phases"].Value} 个阶段推进（涉及民生）" : "");

    private string Party(string code, string unit) =>
        unit.Length > 0 ? unit : tree.Find(code) is { } place ? place.Name : code;

    private static string Why(Match m) => m.Groups["why"].Success && m.Groups["why"].Value.Length > 0 ? "；理由：" + m.Groups["why"].Value : "";

    private static string Date(string date) =>
        WireDate.Parse(date) is { } d
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

    [GeneratedRegex(@"^(?<kind>Reminder|Notice|Listed|Ownership|SpecialTeam)(?: by (?<leader>.+?))?(?:: (?<note>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Supervised();

    [GeneratedRegex(@"^measure (?<number>\d+): (?<finding>.*)$", RegexOptions.Singleline)]
    private static partial Regex StopChecked();

    [GeneratedRegex(@"^(?<people>\d+) accountable, (?<exempted>\d+) exempted")]
    private static partial Regex Accountable();

    [GeneratedRegex(@"^problem clue to the supervisory organ of (?<organ>\d{6})$")]
    private static partial Regex ClueReferred();

    [GeneratedRegex(@"^(?<to>\d{6})(?: (?<unit>[^:]+))?: (?<left>-?\d+) working days left to (?<due>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Reminded();

    [GeneratedRegex(@"^(?<to>\d{6})(?: (?<unit>.+?))? missed its deadline (?<due>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Missed();

    [GeneratedRegex(@"^measure (?<number>\d+) \((?<kind>\w+)\) not verified by (?<due>\d{4}-\d{2}-\d{2})")]
    private static partial Regex StopUnchecked();

    [GeneratedRegex(@"^delivered to (?<to>\d{6})(?: (?<unit>.+?))? at (?<day>\d{4}-\d{2}-\d{2}) (?<time>\d{2}:\d{2}) after quiet hours; due (?<due>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Delivered();

    [GeneratedRegex(@"^repeated complaint (?<id>\S+) \(repeat (?<count>\d+)\)$")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^(?<hops>\d+) provisional deadline\(s\) counted again on the calendar to \d{4}-\d{2}-\d{2}(?:; the holder's deadline moves from (?<from>\d{4}-\d{2}-\d{2}) to (?<to>\d{4}-\d{2}-\d{2}))?$")]
    private static partial Regex Recounted();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
