using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// What a sheet says in words besides its figures: why the rating is not the total's (一票否优), red lines crossed,
/// values still missing, a deduction cap reached, duty reports not filed, and that an example scheme's points are
/// illustrative.
/// </summary>
internal static class SheetNotes
{
    public static IReadOnlyList<string> Of(SheetInputs inputs, IReadOnlyList<SpecialScore> specials, Rating byTotal, double deductionPoints, double uncapped)
    {
        var notes = new List<string>();
        foreach (var ground in inputs.Vetoes.Select(v => v.Ground).Distinct())
            notes.Add($"一票否优：{SheetWords.Of(ground)}，不得评为优秀" + (byTotal == Rating.Excellent ? "（按得分应为优秀）" : ""));
        foreach (var indicator in specials.SelectMany(s => s.Indicators).Where(i => i.RedLine))
            notes.Add($"红线：{indicator.Name}比上年变差（上年{SheetWords.Figure(indicator.LastYearValue!.Value)}{indicator.Unit}，"
                + $"本年{SheetWords.Figure(indicator.Value!.Value)}{indicator.Unit}）");
        var missing = specials.SelectMany(s => s.Indicators).Where(i => !i.Measured).Select(i => i.Name).Distinct().ToList();
        if (missing.Count > 0)
            notes.Add($"尚无数值，暂不得分：{string.Join("、", missing)}");
        if (HalfYearMissed(inputs) is { Count: > 0 } late)
            notes.Add($"半年检查未报送（应于{inputs.Year}年6月30日前报送）：{string.Join("、", late)}");
        if (deductionPoints < uncapped)
            notes.Add($"扣分合计{SheetWords.Figure(uncapped)}分，超过方案上限，按{SheetWords.Figure(deductionPoints)}分计");
        if (inputs.DutyReports.OwnMissing)
            notes.Add($"未报送{inputs.Year}年度环境保护责任履行情况报告");
        if (inputs.DutyReports.MissingBelow.Count > 0)
            notes.Add($"所辖县（市、区）未报送{inputs.Year}年度环境保护责任履行情况报告：{string.Join("、", inputs.DutyReports.MissingBelow)}");
        if (inputs.Scheme.Example)
            notes.Add("本表按示例考核方案计算，分值仅作示例");
        return notes;
    }

    /// <summary>The measured indicators with no half-year value once the year's 30 June has passed.</summary>
    private static List<string> HalfYearMissed(SheetInputs inputs)
    {
        if (inputs.AsOf is not { } today || today <= new DateOnly(inputs.Year, 6, 30)) return [];
        return [.. inputs.Scheme.Programmes.SelectMany(p => p.Indicators)
            .Where(i => i.Kind == IndicatorKind.EnvironmentalQuality
                && !inputs.Measurements.Any(m => m.IndicatorCode == i.Code && m.Year == inputs.Year && m.Period == Period.HalfYear))
            .Select(i => i.Name).Distinct()];
    }
}
