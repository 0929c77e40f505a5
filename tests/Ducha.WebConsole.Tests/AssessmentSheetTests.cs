using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.AssessmentScene;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 考核得分表 and 排名 through the pages, on 佛山市's scene: 南海区's sheet lists each deduction under its rule with the
/// case behind it, and the case opens from it; the 容错 one is struck with its reason; 禅城区's PM2.5 crosses the red line
/// though its target is met; a veto keeps 顺德区 — as high as any — from 优秀 on the ranking, whose chart is drawn.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AssessmentSheetTests(ConsoleFixture host)
{
    [Theory]
    [InlineData(1366, 768, "1366x768")]
    [InlineData(390, 844, "390")]
    public async Task A_districts_sheet_shows_every_deduction_with_its_case_and_opens_the_case(int width, int height, string size)
    {
        var scene = await OfAsync(host);
        var page = await host.NewPageAsync(width, height);
        await page.SignInAsync(CityPath, "佛山考核科");
        await page.GotoAsync(SheetPath(Nanhai));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "南海区 2024年考核得分表", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".sheet-state")).ToContainTextAsync("暂定，实时计算");
        await Assertions.Expect(page.Locator("dd[data-figure='total']")).ToHaveTextAsync("97");
        await Assertions.Expect(page.Locator("dd[data-figure='rating']")).ToHaveTextAsync("优秀");
        var lateness = page.Locator("section.deduction-rule[data-rule='Lateness']");
        await Assertions.Expect(lateness.Locator("h3")).ToContainTextAsync("拖延时间");
        await Assertions.Expect(lateness.Locator("h3")).ToContainTextAsync("1 次 × 2 = −2 分");
        var overdue = lateness.Locator($"li[data-case-id='{scene.OverdueCaseId}']");
        await Assertions.Expect(overdue).ToContainTextAsync("南海区");
        var poor = page.Locator($"section.deduction-rule[data-rule='PoorHandling'] li[data-case-id='{scene.SentBackCaseId}']");
        await Assertions.Expect(poor).ToContainTextAsync("−1 分");
        var tolerated = page.Locator($"section.deduction-rule[data-rule='Accountability'] li[data-case-id='{scene.SentBackCaseId}']");
        await Assertions.Expect(tolerated).ToHaveClassAsync("exempted");
        await Assertions.Expect(tolerated.Locator("del")).ToBeVisibleAsync();
        await Assertions.Expect(tolerated).ToContainTextAsync("容错，不扣分");
        await Assertions.Expect(tolerated.Locator(".exemption")).ToHaveTextAsync("容错理由：已按规定巡查上报，焚烧点系夜间临时搭建");
        await page.ScreenshotAsync($"assessment-sheet-{size}");

        await overdue.GetByRole(AriaRole.Link, new() { Name = scene.OverdueCaseId }).ClickAsync();
        await page.ArrivesAtAsync($"**/cases/{scene.OverdueCaseId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("南海某铝型材厂");
    }

    [Fact]
    public async Task A_pm25_worse_than_last_year_is_a_red_line_on_the_sheet_though_its_target_is_met()
    {
        await OfAsync(host);
        var page = await host.NewPageAsync();
        await page.SignInAsync(CityPath, "佛山考核科");
        await page.GotoAsync(SheetPath(Chancheng));

        var pm25 = page.Locator("tr[data-indicator='pm25']");
        await Assertions.Expect(pm25).ToHaveClassAsync("red-line");
        await Assertions.Expect(pm25).ToContainTextAsync("✓ 达标");
        await Assertions.Expect(pm25).ToContainTextAsync("较2015年下降25%（即≤37.5μg/m³）");
        await Assertions.Expect(pm25.Locator(".red-line-flag")).ToHaveTextAsync("红线：比上年变差");
        await Assertions.Expect(pm25).ToContainTextAsync("33μg/m³");
        await Assertions.Expect(page.Locator(".sheet-notes")).ToContainTextAsync("红线");
    }

    [Fact]
    public async Task A_veto_keeps_a_district_as_high_as_any_from_excellent_on_the_ranking_with_its_chart()
    {
        await OfAsync(host);
        var page = await host.NewPageAsync();
        await page.SignInAsync(CityPath, "佛山考核科");
        await page.GotoAsync(SheetPath(Shunde));
        await Assertions.Expect(page.Locator("dd[data-figure='total']")).ToHaveTextAsync("100");
        await Assertions.Expect(page.Locator("dd[data-figure='rating']")).ToHaveTextAsync("优秀");

        await page.GetByLabel("依据").SelectOptionAsync("PoorRectification");
        await page.GetByLabel("证据（必填）").FillAsync("省级督察反馈的顺德区某河涌黑臭问题，2024年两次复查仍未整改到位（督察反馈意见第3条）");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录一票否优" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("一票否优已记录：本年度不得评为优秀。");
        await Assertions.Expect(page.Locator("dd[data-figure='total']")).ToHaveTextAsync("100");
        await Assertions.Expect(page.Locator("dd[data-figure='rating']")).ToContainTextAsync("良好");
        await Assertions.Expect(page.Locator(".sheet-notes")).ToContainTextAsync("按总分应为优秀，因一票否优评为良好");
        await Assertions.Expect(page.Locator("[aria-labelledby='sheet-vetoes-heading']")).ToContainTextAsync("突出问题整改不力");

        await page.GotoAsync("/assessment/rankings/2024");
        var rows = page.Locator("table.ranking tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        var ratings = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rating)");
        Assert.Equal(["excellent", "excellent", "excellent", "excellent", "good"], ratings);
        var shunde = rows.Last;
        await Assertions.Expect(shunde.Locator("th")).ToHaveTextAsync("顺德区");
        await Assertions.Expect(shunde.Locator("td[data-total]")).ToHaveTextAsync("100");
        await Assertions.Expect(shunde.Locator(".flag.vetoed")).ToHaveTextAsync("一票否优");
        await Assertions.Expect(rows.Filter(new() { HasText = "南海区" }).Locator("td[data-total]")).ToHaveTextAsync("97");
        await Assertions.Expect(page.Locator("#ranking-chart")).ToHaveAttributeAsync("data-chart-ready", "5");
        await Assertions.Expect(page.Locator("#ranking-chart")).ToBeVisibleAsync();
        await page.ScreenshotAsync("assessment-rankings-1366x768");

        var phone = await host.NewPageAsync(390, 844);
        await phone.SignInAsync(CityPath, "佛山考核科");
        await phone.GotoAsync("/assessment/rankings/2024");
        await Assertions.Expect(phone.Locator("#ranking-chart")).ToHaveAttributeAsync("data-chart-ready", "5");
        await phone.ScreenshotAsync("assessment-rankings-390");

        // Withdrawn with its reason, the veto no longer holds 顺德区 back, and stays on the desk's list with the reason.
        await shunde.GetByRole(AriaRole.Link, new() { Name = "顺德区" }).ClickAsync();
        await page.ArrivesAtAsync($"**{SheetPath(Shunde)}");
        await page.GetByLabel("撤销理由（必填）").FillAsync("经复核，该河涌已于9月整改到位");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("一票否优已撤销，撤销理由留存可查。");
        await Assertions.Expect(page.Locator("dd[data-figure='rating']")).ToHaveTextAsync("优秀");
        await page.GotoAsync("/assessment?year=2024");
        var withdrawn = page.Locator("ul.vetoes li.withdrawn").Filter(new() { HasText = "顺德区" });
        await Assertions.Expect(withdrawn.Locator("del")).ToContainTextAsync("督察反馈意见第3条");
        await Assertions.Expect(withdrawn.Locator(".withdrawal")).ToContainTextAsync("撤销：经复核，该河涌已于9月整改到位");
    }
}
