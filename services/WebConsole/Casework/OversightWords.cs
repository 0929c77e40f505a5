using Ducha.Contracts.Cases.V1;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The Chinese words for what 督 and 问责 put in a case file: the kinds of supervision, of measures, the cadre ranks and
/// the sanctions. The history keeps the service's enum names (Listed, Stop, Section …), so each also reads from those.
/// </summary>
public static class OversightWords
{
    public static string Supervision(SupervisionKind kind) => kind switch
    {
        SupervisionKind.Reminder => "催办",
        SupervisionKind.Notice => "督办通知",
        SupervisionKind.Listed => "挂牌督办",
        SupervisionKind.Ownership => "包案",
        SupervisionKind.SpecialTeam => "专项督导组（明察暗访）",
        _ => "督办",
    };

    public static string LeaderTitle(SupervisionKind kind) => kind switch
    {
        SupervisionKind.Ownership => "包案领导",
        SupervisionKind.SpecialTeam => "督导组组长",
        _ => "督办领导",
    };

    public static string Measure(MeasureKind kind) => kind switch
    {
        MeasureKind.Stop => "停产停业",
        MeasureKind.Shutdown => "关停取缔",
        MeasureKind.Rectify => "限期整改",
        MeasureKind.Fine => "罚款",
        _ => "其他措施",
    };

    public static string Scope(MeasureScope scope) => scope switch
    {
        MeasureScope.Industry => "整个行业",
        MeasureScope.Area => "整个区域",
        _ => "单个企业或场所",
    };

    public static string Rank(CadreRank rank) => rank switch
    {
        CadreRank.Bureau => "厅级",
        CadreRank.Division => "处级",
        CadreRank.Section => "科级",
        _ => "其他",
    };

    public static string Sanction(Sanction sanction) => sanction switch
    {
        Contracts.Cases.V1.Sanction.Admonition => "诫勉谈话",
        Contracts.Cases.V1.Sanction.Criticism => "通报批评",
        Contracts.Cases.V1.Sanction.Organizational => "组织处理",
        Contracts.Cases.V1.Sanction.PartyDiscipline => "党纪处分",
        Contracts.Cases.V1.Sanction.Government => "政务处分",
        Contracts.Cases.V1.Sanction.JudicialReferral => "移送司法机关",
        _ => "其他处理",
    };

    /// <summary>The choices a form offers, in the proto's order, by the enum name the form posts.</summary>
    public static IReadOnlyList<(string Value, string Words)> Choices<T>(Func<T, string> words) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => (v.ToString(), words(v)))];

    /// <summary>A choice posted back by its enum name; null for none or anything else.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.TryParse<T>(name, out var value) && Enum.IsDefined(value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 ? value : null;

    /// <summary>An enum name as the history writes it (Listed, Stop …), in words; null when it is none the console knows.</summary>
    public static string? FromHistory<T>(string name, Func<T, string> words) where T : struct, Enum =>
        Parse<T>(name) is { } value ? words(value) : null;
}
