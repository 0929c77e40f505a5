using Ducha.Contracts.Assessment.V1;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 考核方案 through the pages: 深圳市's office makes its 2024 scheme for its districts from the example, sees the eleven
/// programmes and the example marked as such, revises a weight (and is refused a band above the one over it, with the
/// rule's words beside the field), puts it in force; then records a district's PM2.5 with its source, and again, the
/// first value struck through.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AssessmentSchemeTests(ConsoleFixture host)
{
    private const string Guangdong = "440000", Shenzhen = "440300", Nanshan = "440305";

    [Fact]
    public async Task An_office_makes_its_scheme_from_the_example_revises_it_puts_it_in_force_and_records_a_measured_value()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync([Guangdong, Shenzhen], "深圳考核科");
        await page.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "考核 · 2024 年", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("考核年度")).ToHaveValueAsync("2024");

        await page.GetByLabel("考核对象", new() { Exact = true }).SelectOptionAsync("Subordinates");
        await page.GetByRole(AriaRole.Button, new() { Name = "以示例方案新建" }).ClickAsync();

        await page.ArrivesAtAsync("**/assessment/schemes/*?done=created");
        var id = new Uri(page.Url).Segments[^1];
        await Assertions.Expect(page.Locator(".example-banner")).ToContainTextAsync("示例方案");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("草稿");
        await Assertions.Expect(page.Locator("ol.programmes > li")).ToHaveCountAsync(11);
        var coal = page.Locator("li[data-programme='reduce-coal']");
        await Assertions.Expect(coal.Locator("h3")).ToContainTextAsync("减少煤炭消费总量");
        await Assertions.Expect(coal.Locator("tr[data-indicator='pm25'] td.target")).ToHaveTextAsync("较2015年下降25%");
        await Assertions.Expect(page.Locator("tr[data-indicator='good-air-days'] td.target")).ToHaveTextAsync("≥73.9%");
        await Assertions.Expect(page.Locator("tr[data-rule='BuckPassing']")).ToContainTextAsync("退回案件的办公室或单位");
        await page.ScreenshotAsync("assessment-scheme-draft-1366x768");

        // A band above the one over it is refused with the rule's words beside its input; what was typed stays.
        await page.GetByRole(AriaRole.Heading, new() { Name = "修改分值" }).ClickAsync();
        await page.GetByLabel("减少煤炭消费总量 · 权重").FillAsync("15");
        await page.GetByLabel("良好", new() { Exact = true }).FillAsync("95");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Assertions.Expect(page.Locator(".refusal")).ToContainTextAsync("填写内容有误，考核服务未受理");
        await Assertions.Expect(page.Locator("#revise-scheme-bands-1-mintotal-error")).ToContainTextAsync("须低于上一等次的分数线。must be lower than the band of the rating above it");
        await Assertions.Expect(page.GetByLabel("减少煤炭消费总量 · 权重")).ToHaveValueAsync("15");
        await Assertions.Expect(page.Locator(".revise .refused-fields li")).ToHaveTextAsync("等次分数线 · 良好");
        await page.Locator(".scheme-actions").ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, "assessment-scheme-revise-refused.png") });

        await page.GetByLabel("良好", new() { Exact = true }).FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("修改已保存。");
        await Assertions.Expect(coal.Locator("h3 .weight")).ToHaveTextAsync("权重 15 分");
        await Assertions.Expect(page.Locator("dl.scheme-facts")).ToContainTextAsync("第 2 稿");

        await page.GetByRole(AriaRole.Button, new() { Name = "施行", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("方案已施行");
        await Assertions.Expect(page.Locator(".lead .state")).ToHaveTextAsync("施行中");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存修改" })).ToHaveCountAsync(0);

        await page.GotoAsync("/assessment?year=2024");
        var row = page.Locator($"tr[data-scheme-id='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("施行中");
        await Assertions.Expect(row.Locator(".flag.applies")).ToHaveTextAsync("本年度适用");
        await Assertions.Expect(row.Locator(".flag.example")).ToHaveTextAsync("示例");

        // 南山区's PM2.5, from the indicators of the city's scheme in force, with its source; then recorded again.
        await page.GotoAsync($"/assessment/indicators?jurisdiction={Nanshan}&year=2024");
        await Assertions.Expect(page.GetByLabel("行政区")).ToHaveValueAsync(Nanshan);
        await page.GetByLabel("指标").SelectOptionAsync("pm25");
        await page.GetByLabel("数值").FillAsync("31.5");
        await page.GetByLabel("数据来源（必填）").FillAsync("深圳市生态环境监测站2024年空气质量年报");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("监测值已录入，见下表。");
        var values = page.Locator("table.measurements tbody tr");
        await Assertions.Expect(values).ToHaveCountAsync(1);
        await Assertions.Expect(values.First).ToContainTextAsync("PM2.5年均浓度较2015年下降");
        await Assertions.Expect(values.First).ToContainTextAsync("31.5μg/m³");
        await Assertions.Expect(values.First).ToContainTextAsync("深圳市生态环境监测站2024年空气质量年报");

        // No source: refused on the page, before asking. The indicator stays picked after a value is recorded.
        await Assertions.Expect(page.GetByLabel("指标")).ToHaveValueAsync("pm25");
        await page.GetByLabel("数值").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#measurement-source-error")).ToHaveTextAsync("请注明数据来源");
        await page.GetByLabel("数据来源（必填）").FillAsync("深圳市生态环境监测站复核数据");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(values).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table.measurements tr.replaced del")).ToHaveTextAsync("31.5μg/m³");
        await Assertions.Expect(page.Locator("table.measurements tr:not(.replaced) .value")).ToHaveTextAsync("30μg/m³");
        await page.ScreenshotAsync("assessment-indicators-1366x768");

        var phone = await host.NewPageAsync(390, 844);
        await phone.SignInAsync([Guangdong, Shenzhen], "深圳考核科");
        await phone.GotoAsync($"/assessment/schemes/{id}");
        await Assertions.Expect(phone.Locator("ol.programmes > li")).ToHaveCountAsync(11);
        await phone.ScreenshotAsync("assessment-scheme-in-force-390");

        var recorded = await new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(host.As(Shenzhen)).ListMeasurementsAsync(
            new ListMeasurementsRequest { JurisdictionCode = Nanshan, Year = 2024 });
        Assert.Equal([(30.0, true), (31.5, false)], recorded.Measurements.OrderBy(m => m.Value).Select(m => (m.Value, m.Current)));
    }
}
