using Ducha.Contracts.Cases.V1;

namespace Ducha.WebConsole.Inbox;

/// <summary>One line of 待办 as a clerk reads it: what, where, how long is left, and what should worry them.</summary>
public sealed record InboxRow(
    string CaseId,
    string Subject,
    string Place,
    string Status,
    string Channel,
    DateOnly? Deadline,
    int? WorkingDaysLeft,
    bool Overdue,
    bool DeadlineProvisional,
    DateTimeOffset? DeliveredAt,
    bool DeliveredLater,
    int RepeatCount,
    bool BuckPassing,
    string? ListedLeader,
    string? OwnerLeader)
{
    /// <summary>The words beside the deadline; overdue says so in words, not only in red.</summary>
    public string DeadlineText => DeadlineWords.Describe(Deadline, WorkingDaysLeft, Overdue);
}

/// <summary>How a deadline reads beside its date, on 待办 and on the case page alike.</summary>
public static class DeadlineWords
{
    public static string Describe(DateOnly? deadline, int? workingDaysLeft, bool overdue) => (deadline, workingDaysLeft, overdue) switch
    {
        (null, _, _) => "尚未设定期限",
        (_, _, true) => workingDaysLeft is { } late && late < 0 ? $"已超期 {-late} 个工作日" : "已超期",
        (_, 0, _) => "今日到期",
        (_, { } left, _) => $"剩余 {left} 个工作日",
        _ => "期限超出日历范围",
    };
}

/// <summary>A page of 待办 and where the next one starts.</summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, string NextPageToken);

/// <summary>The Chinese words for the contract's values.</summary>
public static class CaseWords
{
    /// <summary>What a case is about in a list: the polluter, or the start of the complaint when none is named.</summary>
    public static string Subject(Case c) =>
        !string.IsNullOrWhiteSpace(c.Polluter) ? c.Polluter : c.Description.Length <= 30 ? c.Description : c.Description[..30] + "…";

    /// <summary>Where: the place's full name and the address typed.</summary>
    public static string Place(Case c, Ducha.Reference.Jurisdictions.JurisdictionTree tree) =>
        tree.Find(c.JurisdictionCode) is { } place ? $"{Sessions.SignedInPerson.FullName(tree, place.Code)} {c.Address}" : c.Address;

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Received => "已接收待交办",
        CaseStatus.Assigned => "已交办",
        CaseStatus.Returned => "已退回",
        CaseStatus.Reported => "已上报待核查",
        CaseStatus.SentBack => "核查退回重办",
        CaseStatus.Verified => "已核查待销号",
        CaseStatus.Closed => "已销号",
        CaseStatus.Reopened => "重新办理",
        _ => "未知状态",
    };

    public static string Channel(Channel channel) => channel switch
    {
        Contracts.Cases.V1.Channel.InspectionTeam => "督察组交办",
        Contracts.Cases.V1.Channel.Hotline12369 => "12369 环保热线",
        Contracts.Cases.V1.Channel.MayorMailbox => "市长信箱",
        Contracts.Cases.V1.Channel.InspectionPhoneBox => "督察举报电话、信箱",
        Contracts.Cases.V1.Channel.Letter => "来信",
        Contracts.Cases.V1.Channel.WebApp => "网站、APP、微信",
        Contracts.Cases.V1.Channel.MediaExposure => "媒体曝光",
        Contracts.Cases.V1.Channel.LeaderInstruction => "领导批示",
        Contracts.Cases.V1.Channel.UndercoverVisit => "暗访",
        _ => "其他渠道",
    };
}
