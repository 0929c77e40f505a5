namespace Ducha.Assessment.Domain.Schemes;

/// <summary>
/// The scheme shipped as an example: the eleven programmes of 两减六治三提升 with Suzhou's targets for 2020 as indicators,
/// a rule for every kind of deduction, and bands. No official document gives the point values, the weights, the lead and
/// partner departments or the indicators marked （示意）: they are illustrations, marked so in the title and by
/// <see cref="SchemeContent.Example"/>, for the assessing department to replace with its own.
/// </summary>
public static class ExampleScheme
{
    public const string Title = "示例方案：分值为示意，须由考核部门确定";
    private const int Baseline = 2015;

    public static SchemeContent Content { get; } = new(
        Title,
        Example: true,
        Programmes:
        [
            Programme("reduce-coal", "减少煤炭消费总量", "省发展改革委", ["省经济和信息化委", "省环保厅", "省统计局"], 12,
                Change("coal-consumption", "煤炭消费总量较2015年削减", "万吨", TargetForm.AmountChange, -760, 50),
                Change("pm25", "PM2.5年均浓度较2015年下降", "μg/m³", TargetForm.PercentChange, -25, 50)),
            Programme("reduce-chemical", "减少落后化工产能", "省经济和信息化委", ["省发展改革委", "省环保厅", "省安监局"], 8,
                Change("chemical-enterprises", "化工生产企业数量较2015年减少（示意）", "家", TargetForm.PercentChange, -20, 100)),
            Programme("taihu", "治理太湖水环境", "省太湖水污染防治办公室", ["省环保厅", "省水利厅", "省住房城乡建设厅", "省农委"], 12,
                Change("taihu-nitrogen", "太湖流域总氮排放量较2015年削减", "吨", TargetForm.PercentChange, -14.13, 30),
                Change("taihu-phosphorus", "太湖流域总磷排放量较2015年削减", "吨", TargetForm.PercentChange, -13.76, 30),
                AtLeast("sections-class-iii", "省考断面水质达到或优于Ⅲ类比例", 60, 40)),
            Programme("household-waste", "治理生活垃圾", "省住房城乡建设厅", ["省环保厅", "省农委", "省商务厅"], 6,
                AtLeast("waste-harmless", "城乡生活垃圾无害化处理率（示意）", 99, 100)),
            Programme("black-odorous-water", "治理黑臭水体", "省住房城乡建设厅", ["省环保厅", "省水利厅"], 8,
                AtLeast("black-odorous-eliminated", "城市建成区黑臭水体消除比例（示意）", 90, 40),
                AtLeast("urban-sewage", "城镇污水处理率", 92, 30),
                AtLeast("rural-sewage", "农村生活污水处理率", 80, 30)),
            Programme("livestock", "治理畜禽养殖污染", "省农委", ["省环保厅", "省国土资源厅"], 8,
                AtLeast("manure-use", "畜禽粪污综合利用率", 98, 60),
                Change("fertilizer", "化肥施用量较2015年减少", "吨", TargetForm.PercentChange, -5, 40)),
            Programme("vocs", "治理挥发性有机物污染", "省环保厅", ["省经济和信息化委", "省公安厅", "省交通运输厅"], 10,
                Change("vocs-emissions", "挥发性有机物排放总量较2015年削减", "吨", TargetForm.PercentChange, -20, 50),
                AtLeast("good-air-days", "空气质量优良天数比例", 73.9, 50)),
            Programme("environmental-hazards", "治理环境隐患", "省环保厅", ["省安监局", "省公安厅", "省交通运输厅"], 8,
                FromCases("rectification-verified", "交办问题整改核查通过率", IndicatorKind.RectificationVerified, 90, 100)),
            Programme("ecological-protection", "提升生态保护水平", "省环保厅", ["省国土资源厅", "省林业局", "省水利厅"], 8,
                AtLeast("forest-cover", "林木覆盖率（示意）", 24, 100)),
            Programme("economic-policy", "提升环境经济政策调控水平", "省财政厅", ["省物价局", "省环保厅", "省金融办"], 6,
                AtLeast("pollution-insurance", "环境高风险企业环境污染责任保险覆盖率（示意）", 90, 100)),
            Programme("enforcement", "提升环境执法监管能力", "省环保厅", ["省公安厅", "省编办"], 14,
                FromCases("problems-solved", "交办问题解决率", IndicatorKind.ProblemsSolved, 90, 40),
                FromCases("on-time-rate", "交办问题按期办结率", IndicatorKind.OnTimeRate, 95, 30),
                FromCases("public-satisfaction", "群众满意率", IndicatorKind.PublicSatisfaction, 90, 30)),
        ],
        DeductionRules:
        [
            new DeductionRule(DeductionKind.Lateness, "拖延时间", 1.0, 10, ChargedParty.Holder),
            new DeductionRule(DeductionKind.BuckPassing, "推诿扯皮", 2.0, 10, ChargedParty.Returner),
            new DeductionRule(DeductionKind.PoorHandling, "处置不力", 1.0, 10, ChargedParty.Holder),
            new DeductionRule(DeductionKind.StopUnverified, "停产关停措施逾期未核查", 1.0, 5, ChargedParty.Holder),
            new DeductionRule(DeductionKind.Accountability, "被问责", 0.5, 5, ChargedParty.Holder),
        ],
        DeductionCap: 20,
        Bands: [new RatingBand(Rating.Excellent, 90), new RatingBand(Rating.Good, 80), new RatingBand(Rating.Pass, 60)],
        RankingOrder: RankingOrder.RatingThenTotal);

    private static ProgrammeSpec Programme(string code, string name, string lead, string[] partners, double weight, params IndicatorSpec[] indicators) =>
        new(code, name, lead, partners, weight, indicators);

    /// <summary>A change from the party's own 2015 value; the less the better (emissions, concentrations, consumption).</summary>
    private static IndicatorSpec Change(string code, string name, string unit, TargetForm form, double target, double points) =>
        new(code, name, IndicatorKind.EnvironmentalQuality, unit, Direction.LowerIsBetter, Baseline, null, form, target, points);

    /// <summary>A share that must reach the target.</summary>
    private static IndicatorSpec AtLeast(string code, string name, double target, double points) =>
        new(code, name, IndicatorKind.EnvironmentalQuality, "%", Direction.HigherIsBetter, 0, null, TargetForm.Absolute, target, points);

    private static IndicatorSpec FromCases(string code, string name, IndicatorKind kind, double target, double points) =>
        new(code, name, kind, "%", Direction.HigherIsBetter, 0, null, TargetForm.Absolute, target, points);
}
