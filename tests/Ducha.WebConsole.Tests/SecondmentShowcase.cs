using System.Runtime.CompilerServices;
using Ducha.Contracts.Secondment.V1;
using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.SecondmentScene;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 湖州市's 抽调 with something on every page, set up once per host for the accessibility scan and the screenshots: cadres
/// on the roster (one due for rotation with a successor), a year's grades, the organization, two supervision requests
/// (one resolved), the registers and a draw revealed with its findings.
/// </summary>
public sealed class SecondmentShowcase
{
    private static readonly ConditionalWeakTable<ConsoleFixture, Task<SecondmentShowcase>> Scenes = [];
    private static readonly Lock Gate = new();

    public required string DrawId { get; init; }

    public static Task<SecondmentShowcase> OfAsync(ConsoleFixture host)
    {
        lock (Gate) return Scenes.GetValue(host, h => SetUpAsync(h));
    }

    /// <summary>Opens one of the 抽调 pages as 湖州市's office and keeps a screenshot of it at the page's width.</summary>
    public static async Task OpenAsync(ConsoleFixture host, IPage page, string which)
    {
        var scene = await OfAsync(host);
        await page.SignInAsync([Zhejiang, Huzhou], "无障碍检查");
        var response = await page.GotoAsync(which switch
        {
            "secondment-assessments" => "/secondment/assessments/2024",
            "secondment-organization" => "/secondment/organization",
            "secondment-supervision" => "/secondment/supervision",
            "secondment-draws" => "/secondment/draws",
            "secondment-draw" => $"/secondment/draws/{scene.DrawId}?verify=1",
            _ => "/secondment",
        });
        Assert.Equal(200, response!.Status);
        await page.ScreenshotAsync($"{which}-{page.ViewportSize!.Width}");
    }

    private static async Task<SecondmentShowcase> SetUpAsync(ConsoleFixture host)
    {
        var scene = new SecondmentScene(host, Huzhou);
        var office = scene.Office;
        var near = await scene.CadreAsync("沈建国", Wuxing, "吴兴区");
        var nearTerm = await scene.SecondAsync(near, "综合巡查组", "2023-10-20", "2024-10-15");
        var successor = await scene.CadreAsync("姚丽", Wuxing, "吴兴区");
        await office.PlanRotationAsync(new PlanRotationRequest { Id = nearTerm.Id, SuccessorCadreId = successor.Id });
        var other = await scene.SecondAsync(await scene.CadreAsync("吴志明", Nanxun, "南浔区"), "信访督办组", "2024-04-01", "2025-03-31");
        await scene.CadreAsync("潘红", Huzhou, "湖州市");
        await office.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            Id = other.Id, Year = 2024, Evaluator = Evaluator.Office, Grade = Grade.Poor, Remarks = "交办信访件多次逾期，经提醒仍未改正",
        });
        await scene.As(Nanxun).RecordEvaluationAsync(new RecordEvaluationRequest
        {
            Id = other.Id, Year = 2024, Evaluator = Evaluator.HomeUnit, Grade = Grade.BasicallyCompetent, Remarks = "在原单位表现一般",
        });
        await office.SetOrganizationAsync(new SetOrganizationRequest
        {
            JurisdictionCode = Huzhou,
            Groups =
            {
                new Group
                {
                    Kind = GroupKind.Leading, Duties = { "统一领导督察工作" },
                    Members = { new GroupMember { Role = MemberRole.Leader, Name = "钱正", Unit = "湖州市人民政府" } },
                },
                new Group
                {
                    Kind = GroupKind.PetitionSupervision, Duties = { "登记、交办、督办信访件" },
                    Members = { new GroupMember { Role = MemberRole.Leader, Name = "吴志明", Unit = "南浔区生态环境局", CadreId = other.CadreId } },
                },
            },
        });
        foreach (var (polluter, reason) in new[] { ("吴兴某砂场", SupervisionReason.Slow), ("吴兴某化工厂", SupervisionReason.Poor) })
            await office.RequestSupervisionAsync(new RequestSupervisionRequest
            {
                JurisdictionCode = Huzhou, CaseId = await scene.CaseAsync(Wuxing, polluter), FromGroup = GroupKind.ComprehensivePatrol, Reason = reason,
                Details = "群众反映问题反复，整改迟迟未落实",
            });
        var requests = await office.ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest { JurisdictionCode = Huzhou });
        await office.ResolveSupervisionAsync(new ResolveSupervisionRequest { Id = requests.Requests[0].Id, Outcome = "约谈吴兴区有关负责人", AccountabilityCarriedOut = true });
        await scene.RegistersAsync(Wuxing, "吴兴区", 8, 4, (Nanxun, "南浔区"));
        var draw = await office.MakeDrawAsync(new MakeDrawRequest { JurisdictionCode = Huzhou, Round = "2024-第4轮", Targets = 4, Teams = 2, TeamSize = 2 });
        foreach (var pair in draw.Pairs)
            await office.RecordFindingAsync(new RecordFindingRequest { Id = draw.Id, TargetId = pair.TargetId, Findings = "未发现问题" });
        await office.RevealDrawAsync(new RevealDrawRequest { Id = draw.Id });
        return new SecondmentShowcase { DrawId = draw.Id };
    }
}
