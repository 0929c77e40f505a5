using Ducha.Contracts.Assessment.V1;

namespace Ducha.Services.Tests.Assessment;

/// <summary>Schemes as tests write them: the shipped example, or a small content of the test's own.</summary>
internal static class SchemeTestData
{
    public static CreateSchemeRequest Example(string jurisdictionCode, int year, Audience audience = Audience.Subordinates) => new()
    {
        JurisdictionCode = jurisdictionCode, Year = year, Audience = audience, FromExample = true,
    };

    public static CreateSchemeRequest Own(string jurisdictionCode, int year, Audience audience = Audience.Subordinates, string title = "测试方案") => new()
    {
        JurisdictionCode = jurisdictionCode, Year = year, Audience = audience, Content = Content(title),
    };

    /// <summary>Two programmes: air quality measured against 2015, and cases handled, with a rule per deduction kind.</summary>
    public static SchemeContent Content(string title = "测试方案") => new()
    {
        Title = title,
        Programmes =
        {
            new Programme
            {
                Code = "air", Name = "治理大气污染", LeadDepartment = "测试牵头部门", PartnerDepartments = { "测试配合部门" }, Weight = 60,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "pm25", Name = "PM2.5年均浓度较2015年下降", Kind = IndicatorKind.EnvironmentalQuality, Unit = "μg/m³",
                        Direction = Direction.LowerIsBetter, BaselineYear = 2015, BaselineValue = 60, TargetForm = TargetForm.PercentChange, Target = -25, Points = 2,
                    },
                    new Indicator
                    {
                        Code = "good-air-days", Name = "空气质量优良天数比例", Kind = IndicatorKind.EnvironmentalQuality, Unit = "%",
                        Direction = Direction.HigherIsBetter, TargetForm = TargetForm.Absolute, Target = 73.9, Points = 1,
                    },
                },
            },
            new Programme
            {
                Code = "cases", Name = "提升环境执法监管能力", LeadDepartment = "测试牵头部门", Weight = 40,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "problems-solved", Name = "交办问题解决率", Kind = IndicatorKind.ProblemsSolved, Unit = "%",
                        Direction = Direction.HigherIsBetter, TargetForm = TargetForm.Absolute, Target = 90, Points = 1,
                    },
                },
            },
        },
        DeductionRules =
        {
            new DeductionRule { Kind = DeductionKind.Lateness, Name = "拖延时间", Points = 1, Cap = 10, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.BuckPassing, Name = "推诿扯皮", Points = 2, Cap = 0, Charged = ChargedParty.Returner },
        },
        DeductionCap = 20,
        Bands =
        {
            new RatingBand { Rating = Rating.Excellent, MinTotal = 90 },
            new RatingBand { Rating = Rating.Good, MinTotal = 75 },
            new RatingBand { Rating = Rating.Pass, MinTotal = 60 },
        },
        RankingOrder = RankingOrder.RatingThenTotal,
    };
}
