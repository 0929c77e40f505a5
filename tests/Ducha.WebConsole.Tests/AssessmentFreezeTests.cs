using Ducha.Contracts.Assessment.V1;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// A year's end through the pages, in 珠海市: 香洲区's office files its duty report; the city's desk lists the two districts
/// still missing; the city freezes its ranking — not before ticking that it checked it — and the page then says 已定稿 with
/// the chain head and the public page, and a sheet says it is frozen, with its hash, and offers no veto.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AssessmentFreezeTests(ConsoleFixture host)
{
    private const string Guangdong = "440000", Zhuhai = "440400", Xiangzhou = "440402", Doumen = "440403";

    [Fact]
    public async Task A_district_files_its_duty_report_and_the_city_freezes_its_ranking_once_confirmed()
    {
        var zhuhai = AssessmentScene.Assessment(host, Zhuhai);
        var scheme = await zhuhai.CreateSchemeAsync(new CreateSchemeRequest
        {
            JurisdictionCode = Zhuhai, Year = 2024, Audience = Audience.Subordinates, Content = AssessmentScene.Content("珠海市2024年度各区生态环境保护考核方案"),
        });
        await zhuhai.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = scheme.Id });
        // 香洲区 meets both targets, 斗门区 the water one; 金湾区 has no values yet.
        foreach (var (code, indicator, value) in new[] { (Xiangzhou, "sections-good", 75.0), (Xiangzhou, "pm25", 24.0), (Doumen, "sections-good", 66.0) })
            await zhuhai.RecordMeasurementAsync(new RecordMeasurementRequest
            {
                JurisdictionCode = code, IndicatorCode = indicator, Year = 2024, Period = Period.YearEnd, Value = value, Source = "珠海市生态环境监测站2024年年报",
            });

        var county = await host.NewPageAsync(390, 844);
        await county.SignInAsync([Guangdong, Zhuhai, Xiangzhou], "香洲区办");
        await county.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator("#duty-hint")).ToContainTextAsync("本年度报告尚未报送");
        await county.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator("#duty-report-summary-error")).ToHaveTextAsync("请填写报告摘要");
        await county.GetByLabel("报告摘要（必填）").FillAsync("2024年香洲区落实“两减六治三提升”专项行动，交办问题全部按期办结。");
        await county.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator(".confirmation")).ToHaveTextAsync("环境责任报告已报送。");
        await Assertions.Expect(county.Locator("#duty-hint")).ToContainTextAsync("本年度报告已报送");
        await Assertions.Expect(county.Locator("[data-own-sheet]")).ToContainTextAsync("暂定，实时计算");
        await county.ScreenshotAsync("assessment-desk-county-390");

        var page = await host.NewPageAsync();
        await page.SignInAsync([Guangdong, Zhuhai], "珠海考核科");
        await page.GotoAsync("/assessment?year=2024");
        var reports = page.Locator(".duty-reports[data-audience='Subordinates']");
        await Assertions.Expect(reports.Locator("h3")).ToHaveTextAsync("下级：已报送 1 份，缺报 2 份");
        await Assertions.Expect(reports.Locator(".missing-reports")).ToHaveTextAsync("缺报：斗门区、金湾区");
        await Assertions.Expect(reports.Locator(".record-list")).ToContainTextAsync("香洲区");
        await page.ScreenshotAsync("assessment-desk-1366x768");

        await page.GetByRole(AriaRole.Link, new() { Name = "2024年对下级的考核排名" }).ClickAsync();
        Assert.Equal(["香洲区", "斗门区", "金湾区"], await page.Locator("table.ranking tbody th").AllTextContentsAsync());
        await Assertions.Expect(page.Locator("table.ranking tbody td[data-total]")).ToHaveTextAsync(["100", "50", "0"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "定稿", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#freeze-confirmed-error")).ToHaveTextAsync("定稿后不能更改：请先核对，再勾选确认");
        await Assertions.Expect(page.Locator(".sheet-state")).ToContainTextAsync("暂定，实时计算");

        await page.GetByLabel("我已核对排名和各得分表，确认定稿").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "定稿", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("已定稿");
        var frozen = await zhuhai.ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = Zhuhai, Year = 2024, Audience = Audience.Subordinates });
        Assert.True(frozen.Frozen);
        await Assertions.Expect(page.Locator("section.sheet-state.frozen")).ToContainTextAsync(frozen.ChainHead);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "在公开网站查看考核结果" }))
            .ToHaveAttributeAsync("href", "/public/assessment-results/440400/2024");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "定稿", Exact = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("assessment-rankings-frozen-1366x768");

        // The public page the link opens, once Disclosure has the frozen results: the ranking as the public reads it.
        var reader = await host.NewPageAsync();
        await Ducha.Testing.Eventually.UntilAsync(async () => (await reader.GotoAsync("/public/assessment-results/440400/2024"))!.Status, status => status == 200,
            TimeSpan.FromSeconds(30));
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "珠海市2024年度生态环境保护考核结果" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("table.cases tbody tr").First).ToContainTextAsync("香洲区");

        await page.GetByRole(AriaRole.Link, new() { Name = "香洲区" }).ClickAsync();
        await Assertions.Expect(page.Locator(".sheet-state.frozen")).ToContainTextAsync("已定稿");
        await Assertions.Expect(page.Locator("dd[data-figure='duty-report']")).ToHaveTextAsync("已报送");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "记录一票否优" })).ToHaveCountAsync(0);
    }
}
