using Ducha.Contracts.Exposure.V1;
using Ducha.WebConsole.Intake;
using PollutionType = Ducha.Contracts.Exposure.V1.PollutionType;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Exposure;

/// <summary>The Chinese words for the exposure contract's values, as the 曝光 pages show and offer them.</summary>
public static class ExposureWords
{
    /// <summary>The same values as cases' pollution types, so the same words.</summary>
    public static string Pollution(PollutionType type) => IntakeChoices.Pollution((Contracts.Cases.V1.PollutionType)(int)type);

    public static IReadOnlyList<(string Value, string Label)> PollutionTypes { get; } =
        [.. Enum.GetValues<PollutionType>().Where(p => p != PollutionType.Unspecified).Select(p => (p.ToString(), Pollution(p)))];

    public static string Reason(SelectionReason reason) => reason switch
    {
        SelectionReason.SensitiveArea => "位于环境敏感区域",
        SelectionReason.ProminentProblem => "问题突出",
        SelectionReason.SlowProgress => "整改进展缓慢",
        SelectionReason.ManyComplaints => "群众反映强烈",
        SelectionReason.UndercoverVisit => "暗访发现",
        _ => "未注明",
    };

    public static IReadOnlyList<(string Value, string Label)> Rectifications { get; } =
        [.. Enum.GetValues<RectificationState>().Where(r => r != RectificationState.Unspecified).Select(r => (r.ToString(), Rectification(r)))];

    public static string Rectification(RectificationState state) => state switch
    {
        RectificationState.Rectified => "已整改到位",
        RectificationState.Rectifying => "正在整改",
        RectificationState.NotRectified => "尚未整改",
        _ => "未注明",
    };

    /// <summary>How a follow-up stands, in words: overdue says so, not only in red.</summary>
    public static string FollowUp(FollowUpState state) => state switch
    {
        FollowUpState.Pending => "待完成",
        FollowUpState.OnTime => "按时完成",
        FollowUpState.Late => "逾期完成",
        FollowUpState.Overdue => "已超期未完成",
        _ => "尚未播出",
    };

    public static string Media(MediaKind kind) => kind switch
    {
        MediaKind.Tv => "电视",
        MediaKind.Newspaper => "报纸",
        MediaKind.Radio => "广播",
        MediaKind.Website => "网站",
        _ => "媒体",
    };

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };

    /// <summary>A column's rhythm in one line: 每周一、三、五播出，每周不少于 3 期.</summary>
    public static string Rhythm(Column column)
    {
        var days = column.AirDays.Select(d => d switch
        {
            Contracts.Exposure.V1.Weekday.Monday => "一", Contracts.Exposure.V1.Weekday.Tuesday => "二", Contracts.Exposure.V1.Weekday.Wednesday => "三",
            Contracts.Exposure.V1.Weekday.Thursday => "四", Contracts.Exposure.V1.Weekday.Friday => "五", Contracts.Exposure.V1.Weekday.Saturday => "六",
            _ => "日",
        }).ToList();
        var airs = days.Count == 7 ? "每天播出" : days.Count == 5 && column.AirDays.All(d => d <= Contracts.Exposure.V1.Weekday.Friday) ? "每周一至周五播出"
            : $"每周{string.Join("、", days)}播出";
        var per = column.Period == RhythmPeriod.Month ? "每月" : "每周";
        return $"{airs}，{per}不少于 {column.Minimum} 期";
    }

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public static string ShortDate(DateOnly date) => date.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A yyyy-MM-dd date of the wire, or null.</summary>
    public static DateOnly? ParseDate(string? text) => WireDate.Parse(text?.Trim());
}
