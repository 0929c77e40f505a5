using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// A scheme of the tests' own (the seeds give no point values): air quality worth 60 points, the handling of cases 40;
/// lateness 2 points a case up to 10, buck-passing 3 charged to whoever returned the case, accountability 1; all
/// deductions together at most 20; 优秀 from 90, 良好 from 80, 合格 from 60.
/// </summary>
internal static class SheetTestData
{
    public static readonly DateTimeOffset InYear = new(2024, 5, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public static SchemeContent Scheme(RankingOrder order = RankingOrder.RatingThenTotal, double deductionCap = 20, string? lead = null, string? partner = null) => new(
        "浙江省2024年度生态环境保护考核方案（测试）", Example: false,
        [
            new ProgrammeSpec("air", "大气污染防治", lead ?? "省生态环境厅", partner is null ? [] : [partner], 60,
            [
                new IndicatorSpec("pm25", "PM2.5年均浓度", IndicatorKind.EnvironmentalQuality, "μg/m³", Direction.LowerIsBetter, 2015, 50,
                    TargetForm.PercentChange, -25, 30),
                new IndicatorSpec("good-air-days", "空气质量优良天数比率", IndicatorKind.EnvironmentalQuality, "%", Direction.HigherIsBetter, 0, null,
                    TargetForm.Absolute, 73.9, 30),
            ]),
            new ProgrammeSpec("handling", "环境信访办理", "省信访局", [], 40,
            [
                new IndicatorSpec("solved", "问题解决率", IndicatorKind.ProblemsSolved, "%", Direction.HigherIsBetter, 0, null, TargetForm.Absolute, 90, 20),
                new IndicatorSpec("on-time", "按期办结率", IndicatorKind.OnTimeRate, "%", Direction.HigherIsBetter, 0, null, TargetForm.Absolute, 80, 20),
            ]),
        ],
        [
            new DeductionRule(DeductionKind.Lateness, "拖延时间", 2, 10, ChargedParty.Holder),
            new DeductionRule(DeductionKind.BuckPassing, "推诿扯皮", 3, 0, ChargedParty.Returner),
            new DeductionRule(DeductionKind.Accountability, "问责", 1, 0, ChargedParty.Holder),
        ],
        deductionCap,
        [new RatingBand(Rating.Excellent, 90), new RatingBand(Rating.Good, 80), new RatingBand(Rating.Pass, 60)],
        order);

    /// <summary>Every environmental indicator met (PM2.5 36 against a target of 37.5, better than last year's 38).</summary>
    public static IReadOnlyList<IndicatorMeasurement> GoodAir(double pm25 = 36, double lastYear = 38) =>
    [
        new("pm25", 2024, Period.YearEnd, pm25, "省环境监测中心站年报"),
        new("pm25", 2023, Period.YearEnd, lastYear, "省环境监测中心站年报"),
        new("good-air-days", 2024, Period.YearEnd, 80, "省环境监测中心站年报"),
    ];

    public static CaseFigures Figures(string place, int cases = 10, int closed = 10, int onTime = 10) => new(place, cases, closed, onTime, 0, 0, 0);

    public static DeductionFact Fact(DeductionKind kind, string caseId, string holder, string? holderUnit = null, string? returner = null,
        string? returnerUnit = null, bool exempted = false, string? reason = null, string? exposureId = null, params (string Id, string Type)[] events)
    {
        var at = InYear;
        return new DeductionFact
        {
            Key = $"{kind.ToString().ToLowerInvariant()}:{caseId}", Kind = kind, Year = 2024, CaseId = caseId, ExposureId = exposureId,
            PlaceJurisdictionCode = holder, HolderJurisdictionCode = holder, HolderUnit = holderUnit, ReturnerJurisdictionCode = returner,
            ReturnerUnit = returnerUnit, OccurredAt = at, Cause = kind switch
            {
                DeductionKind.Lateness => "逾期未办结（期限2024年5月9日）",
                DeductionKind.BuckPassing => "退回案件，被认定推诿扯皮",
                DeductionKind.Accountability => "问责1人",
                _ => "责令停产整治未按期核查",
            },
            Exempted = exempted, ExemptionReason = reason,
            Events = [.. (events.Length == 0 ? new[] { ($"ev-{caseId}-{kind}", "cases.case-overdue") } : events)
                .Select((e, i) => new DeductionEventRef { EventId = e.Item1, Type = e.Item2, At = at.AddHours(i) })],
        };
    }

    public static SheetInputs Inputs(AssessedParty party, SchemeContent scheme, IReadOnlyList<DeductionFact>? facts = null,
        IReadOnlyList<IndicatorMeasurement>? measured = null, CaseFigures? figures = null, IReadOnlyList<SheetVeto>? vetoes = null,
        DutyReportStanding? duty = null, string assessor = "330000") =>
        new(party, 2024, assessor, "scheme-1", 2024, scheme, party.IsDepartment ? null : figures ?? Figures(party.JurisdictionCode), measured ?? GoodAir(),
            facts ?? [], vetoes ?? [], duty ?? DutyReportStanding.AllFiled);

    public static SheetVeto Veto(string code, VetoGround ground = VetoGround.Concealment, string? department = null) =>
        new(Guid.CreateVersion7().ToString(), code, department, 2024, ground, "2024年3月某化工企业泄漏事故未按规定报告", "330000", InYear);
}
