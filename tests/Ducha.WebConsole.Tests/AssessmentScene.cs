using System.Runtime.CompilerServices;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using Microsoft.Extensions.DependencyInjection;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 佛山市's 2024 assessment of its five districts, set up over gRPC in Guangdong, where no other console test goes: a
/// scheme of the test's own (water and air, 50 points each, each met by every district) in force; the measured values,
/// 禅城区's PM2.5 worse than 2023's (a red line, though the target is met); and in 南海区 a legacy case left past its
/// deadline (拖延时间), a report sent back (处置不力) and an accountability covered by 容错. Once per fixture.
/// </summary>
public sealed class AssessmentScene
{
    public const string Guangdong = "440000", Foshan = "440600", Chancheng = "440604", Nanhai = "440605", Shunde = "440606", Sanshui = "440607",
        Gaoming = "440608", NanhaiBureau = "南海区生态环境局";
    public const int Year = 2024;
    public static readonly string[] CityPath = [Guangdong, Foshan];
    public static readonly string[] Districts = [Chancheng, Nanhai, Shunde, Sanshui, Gaoming];

    private static readonly ConditionalWeakTable<ConsoleFixture, Task<AssessmentScene>> Scenes = [];
    private static readonly Lock Gate = new();

    public required Scheme Scheme { get; init; }
    public required string OverdueCaseId { get; init; }
    public required string SentBackCaseId { get; init; }

    public static string SheetPath(string code) => $"/assessment/sheets/{code}/{Year}";

    public static Task<AssessmentScene> OfAsync(ConsoleFixture host)
    {
        lock (Gate) return Scenes.GetValue(host, h => SetUpAsync(h));
    }

    public static AssessmentClient Assessment(ConsoleFixture host, string code, string role = "office") => new(host.As(code, role));

    /// <summary>Opens one of the 考核 pages on the scene as 佛山市's office: the desk, the scheme, the values, 南海区's sheet, the ranking.</summary>
    public static async Task OpenAsync(ConsoleFixture host, Microsoft.Playwright.IPage page, string which)
    {
        var scene = await OfAsync(host);
        await page.SignInAsync(CityPath, "无障碍检查");
        await page.GotoAsync(which switch
        {
            "assessment-scheme" => $"/assessment/schemes/{scene.Scheme.Id}",
            "assessment-indicators" => $"/assessment/indicators?jurisdiction={Chancheng}&year={Year}",
            "assessment-sheet" => SheetPath(Nanhai),
            "assessment-rankings" => $"/assessment/rankings/{Year}",
            _ => $"/assessment?year={Year}",
        });
    }

    private static async Task<AssessmentScene> SetUpAsync(ConsoleFixture host)
    {
        var foshan = Assessment(host, Foshan);
        var scheme = await foshan.CreateSchemeAsync(new CreateSchemeRequest
        {
            JurisdictionCode = Foshan, Year = Year, Audience = Audience.Subordinates, Content = Content("佛山市2024年度各区生态环境保护考核方案"),
        });
        scheme = await foshan.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = scheme.Id });
        foreach (var district in Districts)
        {
            await MeasureAsync(foshan, district, "sections-good", Year, 72, "佛山市生态环境监测站2024年水质年报");
            await MeasureAsync(foshan, district, "pm25", Year, district == Chancheng ? 35 : 28, "佛山市生态环境监测站2024年空气质量年报");
        }
        await MeasureAsync(foshan, Chancheng, "pm25", Year - 1, 33, "佛山市生态环境监测站2023年空气质量年报");

        var overdue = await OverdueAsync(host);
        var sentBack = await SentBackAsync(host);
        await Ducha.Testing.Eventually.UntilAsync(() => foshan.ListDeductionsAsync(new ListDeductionsRequest
        {
            JurisdictionCode = Nanhai, Year = Year, PageSize = 200,
        }).ResponseAsync, page => page.Deductions.Any(d => d.CaseId == overdue && d.Kind == DeductionKind.Lateness)
            && page.Deductions.Any(d => d.CaseId == sentBack && d.Kind == DeductionKind.PoorHandling)
            && page.Deductions.Any(d => d.CaseId == sentBack && d.Kind == DeductionKind.Accountability && d.Exempted), TimeSpan.FromSeconds(30));
        return new AssessmentScene { Scheme = scheme, OverdueCaseId = overdue, SentBackCaseId = sentBack };
    }

    /// <summary>
    /// Water (sections at class III or better ≥ 60 %) and air (PM2.5 −25 % against 2015's 50 μg/m³), 50 points each; a rule
    /// for every deduction; 优秀 from 95, 良好 from 85, 合格 from 60; ranked by rating, then total.
    /// </summary>
    public static SchemeContent Content(string title) => new()
    {
        Title = title,
        Programmes =
        {
            new Programme
            {
                Code = "water", Name = "水污染防治", LeadDepartment = "市生态环境局", PartnerDepartments = { "市水利局" }, Weight = 50,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "sections-good", Name = "国省考断面水质优良比例", Kind = IndicatorKind.EnvironmentalQuality, Unit = "%",
                        Direction = Direction.HigherIsBetter, TargetForm = TargetForm.Absolute, Target = 60, Points = 10,
                    },
                },
            },
            new Programme
            {
                Code = "air", Name = "大气污染防治", LeadDepartment = "市生态环境局", PartnerDepartments = { "市交通运输局" }, Weight = 50,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "pm25", Name = "PM2.5年均浓度", Kind = IndicatorKind.EnvironmentalQuality, Unit = "μg/m³", Direction = Direction.LowerIsBetter,
                        BaselineYear = 2015, BaselineValue = 50, TargetForm = TargetForm.PercentChange, Target = -25, Points = 10,
                    },
                },
            },
        },
        DeductionRules =
        {
            new DeductionRule { Kind = DeductionKind.Lateness, Name = "拖延时间", Points = 2, Cap = 10, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.BuckPassing, Name = "推诿扯皮", Points = 2, Cap = 10, Charged = ChargedParty.Returner },
            new DeductionRule { Kind = DeductionKind.PoorHandling, Name = "处置不力", Points = 1, Cap = 5, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.StopUnverified, Name = "长停久治", Points = 2, Cap = 10, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.Accountability, Name = "被问责", Points = 3, Cap = 9, Charged = ChargedParty.Holder },
        },
        DeductionCap = 30,
        Bands =
        {
            new RatingBand { Rating = Rating.Excellent, MinTotal = 95 },
            new RatingBand { Rating = Rating.Good, MinTotal = 85 },
            new RatingBand { Rating = Rating.Pass, MinTotal = 60 },
        },
        RankingOrder = RankingOrder.RatingThenTotal,
    };

    private static Task<Measurement> MeasureAsync(AssessmentClient client, string code, string indicator, int year, double value, string source) =>
        client.RecordMeasurementAsync(new RecordMeasurementRequest
        {
            JurisdictionCode = code, IndicatorCode = indicator, Year = year, Period = Period.YearEnd, Value = value, Source = source,
        }).ResponseAsync;

    /// <summary>
    /// A central inspection's legacy case that 南海区 registered with the inspection's deadline already past (Friday 20
    /// September), which it still holds: the deadline watch's pass announces it overdue, as its daily pass would.
    /// </summary>
    private static async Task<string> OverdueAsync(ConsoleFixture host)
    {
        var c = await new CasesClient(host.As(Nanhai)).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = Nanhai, Address = "南海区狮山镇某工业园 3 号", Polluter = "南海某铝型材厂", PollutionType = Contracts.Cases.V1.PollutionType.Water,
            Description = "中央环保督察交办：含铬废水未经处理直排河涌", Channel = Channel.InspectionTeam, CentralInspection = true, OriginalDeadline = "2024-09-20",
        });
        var watch = host.Services.GetRequiredService<Ducha.Cases.Application.DeadlineWatch>();
        await watch.SweepAsync(host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        return c.Id;
    }

    /// <summary>A case 南海区 gave its bureau, whose report it sent back; then an official held to account, exempted by 容错.</summary>
    private static async Task<string> SentBackAsync(ConsoleFixture host)
    {
        var office = new CasesClient(host.As(Nanhai));
        var c = await office.CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = Nanhai, Address = "南海区大沥镇某村", Polluter = "南海某废塑料加工点", PollutionType = Contracts.Cases.V1.PollutionType.Air,
            Description = "夜间焚烧废塑料，气味刺鼻", Channel = Channel.Hotline12369,
        });
        await office.AssignDownAsync(new AssignDownRequest { CaseId = c.Id, HandlingUnit = NanhaiBureau, WorkingDays = 8 });
        await new CasesClient(host.As(Nanhai, "handler", NanhaiBureau)).ReportHandlingAsync(new ReportHandlingRequest
        {
            CaseId = c.Id, Findings = "经查属实", Result = "已责令停止焚烧", RectifiedNow = true,
        });
        await office.VerifyReportAsync(new VerifyReportRequest { CaseId = c.Id, Accept = false, Reason = "未查明废塑料来源，整改措施不具体" });
        await office.RecordAccountabilityAsync(new RecordAccountabilityRequest
        {
            CaseId = c.Id,
            People =
            {
                new AccountablePerson
                {
                    Name = "陈某", Position = "大沥镇环保办主任", Rank = CadreRank.Section, Sanction = Sanction.Criticism, FaultTolerated = true,
                    FaultToleranceReason = "已按规定巡查上报，焚烧点系夜间临时搭建",
                },
            },
        });
        return c.Id;
    }
}
