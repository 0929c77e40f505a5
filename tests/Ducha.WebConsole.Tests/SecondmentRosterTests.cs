using Ducha.Contracts.Secondment.V1;
using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.SecondmentScene;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 抽调花名册 through the pages, in 宁波市: the organization department registers a cadre of 海曙区 and seconds her, and
/// the roster shows her term; a term ending within the reminder window is 轮换到期 and, once a rotation is planned, names
/// the successor (a cadre free on the day the post passes on); an overlapping secondment is refused beside its dates with what was typed kept; a county of another
/// city sees none of it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SecondmentRosterTests(ConsoleFixture host)
{
    private readonly SecondmentScene _scene = new(host, Ningbo);

    [Fact]
    public async Task A_cadre_registered_and_seconded_through_the_pages_is_on_the_roster_with_her_term_and_a_term_near_its_limit_is_due_for_rotation()
    {
        var near = await _scene.CadreAsync("孙国平", Haishu, "海曙区");
        await _scene.SecondAsync(near, "综合巡查组", "2023-10-15", "2024-10-10");
        await _scene.CadreAsync("李晓东", Haishu, "海曙区");
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波组织部", role: "组织部");
        await page.ArrivesAtAsync("**/secondment");

        var register = Form(page, "登记干部");
        await register.GetByLabel("姓名").FillAsync("陈海燕");
        await register.GetByLabel("所在地").SelectOptionAsync(new SelectOptionValue { Label = "海曙区" });
        await register.GetByLabel("原单位").FillAsync("海曙区生态环境局");
        await register.GetByLabel("职级").SelectOptionAsync(new SelectOptionValue { Label = "处级" });
        await register.GetByLabel("登录账号").FillAsync("nb-chy-" + Guid.NewGuid().ToString("N")[..8]);
        await register.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("干部已登记。");
        await Assertions.Expect(Row(page, "roster", "陈海燕")).ToContainTextAsync("未抽调");

        var second = Form(page, "抽调干部");
        await second.GetByLabel("干部").SelectOptionAsync(new SelectOptionValue { Label = "陈海燕（海曙区生态环境局）" });
        await second.GetByLabel("岗位名称").FillAsync("信访督办组");
        await second.GetByLabel("开始日期").FillAsync("2024-09-01");
        await second.GetByLabel("结束日期（含）").FillAsync("2025-06-30");
        await second.GetByRole(AriaRole.Button, new() { Name = "抽调" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("已抽调");
        var chen = Row(page, "roster", "陈海燕");
        await Assertions.Expect(chen).ToContainTextAsync("263 办公室 · 信访督办组");
        await Assertions.Expect(chen.Locator("td[data-term]")).ToHaveTextAsync("2024年9月1日至2025年6月30日");
        await Assertions.Expect(chen.Locator("td[data-left]")).ToHaveTextAsync("276 天");
        var sun = Row(page, "roster", "孙国平");
        await Assertions.Expect(sun.Locator(".rotation-flag")).ToHaveTextAsync("轮换到期");
        await Assertions.Expect(sun.Locator("td[data-left]")).ToContainTextAsync("13 天");
        await Assertions.Expect(sun).ToContainTextAsync("尚未指定接任人");

        var rotation = Form(page, "轮岗计划");
        await rotation.GetByLabel("到期的抽调").SelectOptionAsync(new SelectOptionValue { Label = "孙国平 · 综合巡查组 · 2023年10月15日至2024年10月10日" });
        await rotation.GetByLabel("接任人").SelectOptionAsync(new SelectOptionValue { Label = "李晓东（海曙区生态环境局）" });
        await rotation.GetByRole(AriaRole.Button, new() { Name = "保存轮岗计划" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("轮岗计划已保存。");
        await Assertions.Expect(Row(page, "roster", "孙国平")).ToContainTextAsync("接任人：李晓东");
        await Assertions.Expect(Row(page, "roster", "陈海燕").Locator(".rotation-flag")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("secondment-roster-1366x768");
    }

    [Fact]
    public async Task Grades_recorded_through_the_roster_make_the_years_separate_list_in_words()
    {
        var cadre = await _scene.CadreAsync("钱立新", Haishu, "海曙区");
        var term = await _scene.SecondAsync(cadre, "督办监察组", "2024-03-01", "2025-02-28");
        await _scene.As(Haishu, "organization").RecordEvaluationAsync(new RecordEvaluationRequest
        {
            Id = term.Id, Year = 2024, Evaluator = Evaluator.HomeUnit, Grade = Grade.Competent, Remarks = "原单位：按时完成交办任务",
        });
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波督察办");
        await page.GotoAsync("/secondment");

        var evaluation = Form(page, "记录年度评价");
        await evaluation.GetByLabel("抽调").SelectOptionAsync(new SelectOptionValue { Label = "钱立新 · 督办监察组 · 2024年3月1日至2025年2月28日" });
        await evaluation.GetByLabel("等次").SelectOptionAsync(new SelectOptionValue { Label = "优秀" });
        await evaluation.GetByLabel("评价依据（必填）").FillAsync("牵头查处重点信访件 12 件，均按期办结");
        await evaluation.GetByRole(AriaRole.Button, new() { Name = "记录评价" }).ClickAsync();

        await page.ArrivesAtAsync("**/secondment/assessments/2024?done=evaluated");
        var row = Row(page, "annual", "钱立新");
        await Assertions.Expect(row.Locator("td[data-grade='office']")).ToHaveTextAsync("优秀");
        await Assertions.Expect(row.Locator("td[data-grade='home']")).ToHaveTextAsync("称职");
        await Assertions.Expect(row.Locator("td[data-grade='overall']")).ToHaveTextAsync("优秀");
        await Assertions.Expect(row.Locator("td[data-recommendation]")).ToHaveTextAsync("建议表扬、提拔使用");
        await Assertions.Expect(row).ToContainTextAsync("牵头查处重点信访件 12 件");
    }

    [Fact]
    public async Task An_overlapping_secondment_is_refused_beside_its_dates_and_what_was_typed_stays()
    {
        var cadre = await _scene.CadreAsync("周文", Haishu, "海曙区");
        await _scene.SecondAsync(cadre, "综合巡查组", "2024-07-01", "2024-12-31");
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波组织部", role: "组织部");

        var second = Form(page, "抽调干部");
        await second.GetByLabel("干部").SelectOptionAsync(new SelectOptionValue { Label = "周文（海曙区生态环境局）" });
        await second.GetByLabel("岗位名称").FillAsync("督办监察组");
        await second.GetByLabel("开始日期").FillAsync("2024-10-01");
        await second.GetByLabel("结束日期（含）").FillAsync("2025-03-31");
        await second.GetByRole(AriaRole.Button, new() { Name = "抽调" }).ClickAsync();

        second = Form(page, "抽调干部");
        await Assertions.Expect(second.Locator(".refusal")).ToContainTextAsync("不符合办理规则，抽调服务未受理");
        await Assertions.Expect(page.Locator("#second-startdate-error")).ToHaveTextAsync("与该干部已有的抽调时间重叠：已抽调在综合巡查组（2024-07-01至2024-12-31）");
        await Assertions.Expect(page.Locator("#second-enddate-error")).ToHaveTextAsync("与已有抽调重叠");
        await Assertions.Expect(second.GetByLabel("开始日期")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("second-startdate-error"));
        await Assertions.Expect(second.GetByLabel("岗位名称")).ToHaveValueAsync("督办监察组");
        await Assertions.Expect(second.GetByLabel("开始日期")).ToHaveValueAsync("2024-10-01");
        await Assertions.Expect(second.GetByLabel("结束日期（含）")).ToHaveValueAsync("2025-03-31");
        await Assertions.Expect(Row(page, "roster", "周文").Locator("td[data-term]")).ToHaveTextAsync("2024年7月1日至2024年12月31日");
        await page.ScreenshotAsync("secondment-refusal-1366x768");
    }

    [Fact]
    public async Task A_county_of_another_city_sees_none_of_the_citys_cadres_and_not_its_draw()
    {
        await _scene.CadreAsync("郑不见", Haishu, "海曙区");
        await _scene.RegistersAsync(Haishu, "海曙区", 3, 2, (Jiangbei, "江北区"), (Beilun, "北仑区"));
        var draw = await _scene.Office.MakeDrawAsync(new MakeDrawRequest { JurisdictionCode = Ningbo, Round = "外地不可见-" + Guid.NewGuid().ToString("N")[..6], Targets = 2, Teams = 1, TeamSize = 1 });
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang, Wenzhou, Lucheng], "鹿城督察办");

        await page.GotoAsync("/secondment");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("郑不见");
        var response = await page.GotoAsync($"/secondment/draws/{draw.Id}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权查看或不存在");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(draw.Commitment);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(draw.Round);
    }

    [Fact]
    public async Task Supervision_requests_are_not_the_organization_departments_and_抽调_is_not_a_handlers()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波组织部", role: "组织部");
        await Assertions.Expect(page.Locator("nav.tabs a")).ToHaveTextAsync(["花名册", "年度考核单列", "督察组织", "双随机"]);
        await Assertions.Expect(page.Locator("nav.nav a")).ToHaveTextAsync(["抽调"]);
        var response = await page.GotoAsync("/secondment/supervision");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator(".alert")).ToHaveTextAsync("监察申请由 263 办公室及督察工作组办理；当前身份不能使用。");

        var handler = await host.NewPageAsync();
        await handler.SignInAsync([Zhejiang, Ningbo, Haishu], "海曙承办人", unit: "海曙区生态环境局");
        await Assertions.Expect(handler.Locator("nav.nav a", new() { HasText = "抽调" })).ToHaveCountAsync(0);
        response = await handler.GotoAsync("/secondment");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(handler.Locator(".alert")).ToHaveTextAsync("抽调由各级组织部门、263 办公室办理；当前身份不能使用。");
        await Assertions.Expect(handler.Locator("table.roster")).ToHaveCountAsync(0);
    }

    /// <summary>A form of the page by its heading.</summary>
    public static ILocator Form(IPage page, string heading) =>
        page.Locator("section.action").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
}
