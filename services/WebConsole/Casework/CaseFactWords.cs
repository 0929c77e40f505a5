using Ducha.Contracts.Cases.V1;

namespace Ducha.WebConsole.Casework;

/// <summary>The Chinese words for what a case and its history carry; the history keeps the service's own English names.</summary>
public static class CaseFactWords
{
    public static string PollutionType(Contracts.Cases.V1.PollutionType type) => type switch
    {
        Contracts.Cases.V1.PollutionType.Air => "大气污染",
        Contracts.Cases.V1.PollutionType.Water => "水污染",
        Contracts.Cases.V1.PollutionType.Noise => "噪声污染",
        Contracts.Cases.V1.PollutionType.Soil => "土壤污染",
        Contracts.Cases.V1.PollutionType.SolidWaste => "固体废物、危险废物",
        Contracts.Cases.V1.PollutionType.Ecology => "生态破坏",
        _ => "其他",
    };

    /// <summary>A status as the history writes it (the service's enum names: Received, Assigned …).</summary>
    public static string Status(string status) =>
        Enum.TryParse<CaseStatus>(status, out var parsed) && Enum.IsDefined(parsed) ? Inbox.CaseWords.Status(parsed) : status.Length == 0 ? "—" : status;

    public static string Action(string action) => action switch
    {
        "Receive" => "接收登记",
        "AssignDown" => "交办",
        "Deliver" => "送达",
        "Return" => "退回",
        "FlagBuckPassing" => "标记推诿扯皮",
        "ReportHandling" => "上报办理情况",
        "Verify" => "核查通过",
        "SendBack" => "核查退回重办",
        "Supervise" => "督办",
        "VerifyStopMeasure" => "停产/关停措施核查",
        "Close" => "销号",
        "Reopen" => "重复举报，重新办理",
        "RepeatComplaint" => "重复举报",
        "RecordAccountability" => "问责",
        "ReferClue" => "问题线索移送",
        "Remind" => "到期提醒",
        "Overdue" => "超期",
        "RecountDeadline" => "期限重新计算",
        "StopVerificationOverdue" => "停产措施逾期未核查",
        _ => action,
    };

    public static string Role(string role) => role switch
    {
        "office" => "办公室",
        "handler" => "承办单位",
        "discipline" => "纪检监察",
        "service" => "系统服务",
        "system" => "系统",
        "inspection_team" => "督查工作组",
        _ => role,
    };

    public static string Level(string level) => level switch
    {
        "province" => "省级",
        "city" => "市级",
        "county" => "县级",
        "system" => "",
        _ => level,
    };

    public static string Method(VerificationMethod method) => method switch
    {
        VerificationMethod.Documents => "资料审核",
        VerificationMethod.OnSite => "现场核查",
        VerificationMethod.Callback => "群众回访",
        _ => "未注明",
    };

    public static string Callback(CallbackResult result) => result switch
    {
        CallbackResult.Satisfied => "满意",
        CallbackResult.BasicallySatisfied => "基本满意",
        CallbackResult.Dissatisfied => "不满意",
        _ => "—",
    };
}
