using System.Globalization;
using Ducha.Contracts.Secondment.V1;
using Ducha.Reference.Calendar;
using Ducha.WebConsole.Calls;
using Google.Protobuf.WellKnownTypes;

namespace Ducha.WebConsole.Secondment;

/// <summary>How the 抽调 pages word the contract's values: ranks, posts, grades, groups, reasons and dates, in Chinese, Beijing time.</summary>
public static class SecondmentWords
{
    public static readonly CadreRank[] Ranks = [CadreRank.Bureau, CadreRank.Division, CadreRank.Section, CadreRank.Other];
    public static readonly PostKind[] Posts = [PostKind.Office, PostKind.InspectionTeam];
    public static readonly Grade[] Grades = [Contracts.Secondment.V1.Grade.Outstanding, Contracts.Secondment.V1.Grade.Competent,
        Contracts.Secondment.V1.Grade.BasicallyCompetent, Contracts.Secondment.V1.Grade.Poor];
    public static readonly Evaluator[] Evaluators = [Contracts.Secondment.V1.Evaluator.Office, Contracts.Secondment.V1.Evaluator.HomeUnit];
    public static readonly MemberRole[] MemberRoles = [Contracts.Secondment.V1.MemberRole.Leader, Contracts.Secondment.V1.MemberRole.ExecutiveDeputy,
        Contracts.Secondment.V1.MemberRole.Deputy, Contracts.Secondment.V1.MemberRole.Member];
    public static readonly SupervisionReason[] Reasons = [SupervisionReason.Slow, SupervisionReason.Overdue, SupervisionReason.Poor];
    public static readonly RiskClass[] Risks = [RiskClass.High, RiskClass.Medium, RiskClass.Low];

    /// <summary>The leading group, the coordination group and the three working groups, in the order a level lists them.</summary>
    public static readonly GroupKind[] Groups =
        [GroupKind.Leading, GroupKind.Coordination, GroupKind.ComprehensivePatrol, GroupKind.PetitionSupervision, GroupKind.SupervisionDiscipline];

    /// <summary>The working groups that file supervision requests with 督办监察组.</summary>
    public static readonly GroupKind[] Requesters = [GroupKind.ComprehensivePatrol, GroupKind.PetitionSupervision];

    public static string Rank(CadreRank rank) => rank switch
    {
        CadreRank.Bureau => "厅级",
        CadreRank.Division => "处级",
        CadreRank.Section => "科级",
        CadreRank.Other => "其他",
        _ => "未注明",
    };

    public static string Post(PostKind post) => post switch
    {
        PostKind.Office => "263 办公室",
        PostKind.InspectionTeam => "督察组",
        _ => "未注明",
    };

    public static string State(SecondmentState state) => state switch
    {
        SecondmentState.Planned => "未开始",
        SecondmentState.Active => "在岗",
        SecondmentState.Ended => "已结束",
        _ => "未注明",
    };

    public static string Grade(Grade grade) => grade switch
    {
        Contracts.Secondment.V1.Grade.Outstanding => "优秀",
        Contracts.Secondment.V1.Grade.Competent => "称职",
        Contracts.Secondment.V1.Grade.BasicallyCompetent => "基本称职",
        Contracts.Secondment.V1.Grade.Poor => "不称职",
        _ => "未评",
    };

    public static string Evaluator(Evaluator evaluator) => evaluator switch
    {
        Contracts.Secondment.V1.Evaluator.Office => "办公室（为主）",
        Contracts.Secondment.V1.Evaluator.HomeUnit => "原单位",
        _ => "未注明",
    };

    public static string Recommendation(Recommendation recommendation) => recommendation switch
    {
        Contracts.Secondment.V1.Recommendation.PraiseAndPromote => "建议表扬、提拔使用",
        Contracts.Secondment.V1.Recommendation.None => "无特别建议",
        Contracts.Secondment.V1.Recommendation.CriticizeOrReturn => "建议批评教育或退回原单位",
        _ => "尚无建议",
    };

    public static string Group(GroupKind kind) => kind switch
    {
        GroupKind.Leading => "领导小组",
        GroupKind.Coordination => "协调联络组",
        GroupKind.ComprehensivePatrol => "综合巡查组",
        GroupKind.PetitionSupervision => "信访督办组",
        GroupKind.SupervisionDiscipline => "督办监察组",
        _ => "未注明",
    };

    public static string MemberRole(MemberRole role) => role switch
    {
        Contracts.Secondment.V1.MemberRole.Leader => "组长",
        Contracts.Secondment.V1.MemberRole.ExecutiveDeputy => "常务副组长",
        Contracts.Secondment.V1.MemberRole.Deputy => "副组长",
        Contracts.Secondment.V1.MemberRole.Member => "成员",
        _ => "成员",
    };

    public static string Reason(SupervisionReason reason) => reason switch
    {
        SupervisionReason.Slow => "办理迟缓",
        SupervisionReason.Overdue => "逾期未办结",
        SupervisionReason.Poor => "处置不力",
        _ => "未注明",
    };

    public static string Risk(RiskClass risk) => risk switch
    {
        RiskClass.High => "高风险",
        RiskClass.Medium => "中风险",
        RiskClass.Low => "低风险",
        _ => "未分级",
    };

    /// <summary>A term as a choice names it: 张三 · 信访督办组 · 2024年1月1日至2024年12月31日.</summary>
    public static string Term(SecondmentTerm term) => $"{term.CadreName} · {term.PostName} · {Date(term.StartDate)}至{Date(term.EndDate)}";

    /// <summary>A wire date (yyyy-MM-dd) as the pages print it: 2024年9月27日; a dash when there is none.</summary>
    public static string Date(string? wire) => WireDate.Parse(wire) is { } day ? Date(day) : "—";

    public static string Date(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Time(Timestamp? at) => at is null ? "—"
        : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Today in Beijing, by the console's clock.</summary>
    public static DateOnly Today(TimeProvider time) => BeijingTime.DateOf(time.GetUtcNow());

    /// <summary>Specialities as typed, separated by the marks people use: 大气、水，固废.</summary>
    public static IEnumerable<string> Specialities(string? text) =>
        (text ?? "").Split(['、', '，', ',', ' ', '　', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
