using System.Globalization;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Calendar;
using Google.Protobuf.WellKnownTypes;

namespace Ducha.WebConsole.Assessment;

/// <summary>How the 考核 pages word the contract's values: states, kinds, targets and dates, in Chinese, Beijing time.</summary>
public static class AssessmentWords
{
    public static string State(SchemeState state) => state switch
    {
        SchemeState.Draft => "草稿",
        SchemeState.InForce => "施行中",
        SchemeState.Superseded => "已被取代",
        _ => "未注明",
    };

    public static string Audience(Audience audience) => audience switch
    {
        Contracts.Assessment.V1.Audience.Subordinates => "下级",
        Contracts.Assessment.V1.Audience.Departments => "本级部门",
        _ => "未注明",
    };

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.ProblemsSolved => "问题解决率（案件销号）",
        IndicatorKind.OnTimeRate => "按期办结率",
        IndicatorKind.RectificationVerified => "整改核查通过率",
        IndicatorKind.PublicSatisfaction => "群众满意率",
        IndicatorKind.EnvironmentalQuality => "环境质量（监测值）",
        _ => "未注明",
    };

    public static string Direction(Direction direction) => direction switch
    {
        Contracts.Assessment.V1.Direction.HigherIsBetter => "越高越好",
        Contracts.Assessment.V1.Direction.LowerIsBetter => "越低越好",
        _ => "未注明",
    };

    public static string Period(Period period) => period switch
    {
        Contracts.Assessment.V1.Period.HalfYear => "年中",
        Contracts.Assessment.V1.Period.YearEnd => "年末",
        _ => "未注明",
    };

    public static string Deduction(DeductionKind kind) => kind switch
    {
        DeductionKind.Lateness => "拖延时间",
        DeductionKind.BuckPassing => "推诿扯皮",
        DeductionKind.PoorHandling => "处置不力",
        DeductionKind.StopUnverified => "停产关停措施逾期未核查",
        DeductionKind.Accountability => "问责",
        _ => "未注明",
    };

    public static string Charged(ChargedParty party) => party switch
    {
        ChargedParty.Holder => "出问题时承办的办公室或单位",
        ChargedParty.Returner => "退回案件的办公室或单位",
        ChargedParty.Place => "问题所在地",
        _ => "未注明",
    };

    public static string Rating(Rating rating) => rating switch
    {
        Contracts.Assessment.V1.Rating.Excellent => "优秀",
        Contracts.Assessment.V1.Rating.Good => "良好",
        Contracts.Assessment.V1.Rating.Pass => "合格",
        Contracts.Assessment.V1.Rating.Fail => "不合格",
        _ => "未评定",
    };

    public static string Order(RankingOrder order) => order switch
    {
        RankingOrder.RatingThenTotal => "先按等次、同等次内按总分排名（被一票否优的排在各优秀之后）",
        RankingOrder.Total => "按总分排名",
        _ => "未注明",
    };

    public static string Ground(VetoGround ground) => ground switch
    {
        VetoGround.MajorAccident => "因失职造成较大及以上环境事故",
        VetoGround.Concealment => "瞒报环境事故",
        VetoGround.PoorRescue => "救援不力致损失扩大或引发群体性事件",
        VetoGround.PoorRectification => "突出问题整改不力",
        _ => "未注明",
    };

    /// <summary>The target as the scheme's text says it: 较2015年下降25%, ≥73.9%, 较2015年减少760万吨.</summary>
    public static string Target(Indicator indicator)
    {
        var lower = indicator.Direction == Contracts.Assessment.V1.Direction.LowerIsBetter;
        var t = indicator.Target;
        return indicator.TargetForm switch
        {
            TargetForm.Absolute => $"{(lower ? "≤" : "≥")}{Number(t)}{indicator.Unit}",
            TargetForm.PercentChange => $"较{indicator.BaselineYear}年{(t < 0 ? "下降" : "上升")}{Number(Math.Abs(t))}%",
            TargetForm.AmountChange => $"较{indicator.BaselineYear}年{(t < 0 ? "减少" : "增加")}{Number(Math.Abs(t))}{indicator.Unit}",
            _ => Number(t) + indicator.Unit,
        };
    }

    /// <summary>The baseline, where the target is measured from one: 2015年 46.6μg/m³, or the year alone when the value is each party's.</summary>
    public static string Baseline(Indicator indicator) =>
        indicator.TargetForm is TargetForm.Absolute ? "—"
        : indicator.HasBaselineValue ? $"{indicator.BaselineYear}年 {Number(indicator.BaselineValue)}{indicator.Unit}"
        : $"{indicator.BaselineYear}年（各地实测）";

    /// <summary>A figure without trailing zeros: 73.9, 25, 0.5.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why there is no sheet or ranking yet, in the clerk's words: the rule a service gives for it (in English, for the
    /// log) is almost always that no scheme is in force for the year; its own words follow for any other rule.
    /// </summary>
    public static string NothingYet(string rule) =>
        rule.StartsWith("No assessment scheme", StringComparison.Ordinal)
            ? "考核单位尚无施行中的本年度考核方案，方案施行后即按其实时计算。"
            : $"考核服务未能计算（{rule}）";

    /// <summary>Points taken off: −3, or 0 when none (never −0).</summary>
    public static string Deducted(double value) => value > 0 ? "−" + Number(value) : "0";

    /// <summary>Points as the sheets print them: 12.5 分.</summary>
    public static string Points(double value) => Number(value) + " 分";

    public static string Time(Timestamp? at) => at is null ? "—"
        : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Day(Timestamp? at) => at is null ? "—"
        : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>This year in Beijing.</summary>
    public static int ThisYear(TimeProvider time) => BeijingTime.DateOf(time.GetUtcNow()).Year;

    /// <summary>A hash short enough to read out and compare: its first 12 characters.</summary>
    public static string ShortHash(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
