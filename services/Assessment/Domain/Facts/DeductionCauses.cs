using System.Globalization;

namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// What a deduction says happened, in the words a score sheet shows under it. Built only from what the events carry —
/// deadlines, counts, ranks and sanctions, an office's reason for sending a report back — never who complained.
/// </summary>
public static class DeductionCauses
{
    /// <summary>The longest cause stored (the deduction's column).</summary>
    public const int MaxLength = 200;

    public static string Overdue(DateOnly deadline) => $"逾期未办结（期限{Date(deadline)}）";

    public static string FollowUpOverdue(DateOnly deadline) => $"曝光问题逾期未完成回访（期限{Date(deadline)}）";

    public static string BuckPassing(int returns) => string.Create(CultureInfo.InvariantCulture, $"推诿扯皮（退回{returns}次）");

    public static string SentBack(string reason) => Fit("核查不合格退回：" + reason.Trim());

    public static string Reopened(int round) => string.Create(CultureInfo.InvariantCulture, $"群众反复投诉重新办理（第{round}轮）");

    /// <param name="kind">Cases' name of the measure: Stop (停产) or Shutdown (关停).</param>
    public static string StopUnverified(string kind, int measureNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{MeasureName(kind)}逾期未核查（第{measureNumber}项）");

    /// <param name="rank">Cases' name of the rank (Bureau, Division, Section, Other).</param>
    /// <param name="sanction">Cases' name of the sanction (Admonition, Criticism …).</param>
    public static string Accountability(string rank, string sanction, bool faultTolerated) =>
        $"问责：{RankName(rank)} {SanctionName(sanction)}" + (faultTolerated ? "（容错免责）" : "");

    private static string Fit(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";

    private static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static string MeasureName(string kind) => kind switch
    {
        "Stop" => "停产措施",
        "Shutdown" => "关停措施",
        _ => "停产关停措施",
    };

    private static string RankName(string rank) => rank switch
    {
        "Bureau" => "厅级",
        "Division" => "处级",
        "Section" => "科级",
        _ => "其他人员",
    };

    private static string SanctionName(string sanction) => sanction switch
    {
        "Admonition" => "诫勉谈话",
        "Criticism" => "通报批评",
        "Organizational" => "组织处理",
        "PartyDiscipline" => "党纪处分",
        "Government" => "政务处分",
        "JudicialReferral" => "移送司法机关",
        _ => "其他处理",
    };
}
