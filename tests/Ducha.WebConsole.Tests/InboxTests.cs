using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>待办 as a county office and as a unit's handler see it, after signing in through the page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class InboxTests(ConsoleFixture host)
{
    private const string Jiangsu = "320000", Suzhou = "320500", Wuzhong = "320506", Xiangcheng = "320507";

    private CasesClient As(string code) => new(host.As(code));

    /// <summary>Received by the province, 10 working days to 苏州市, 9 to <paramref name="county"/>: due 2024-10-15.</summary>
    private async Task<Case> AtCountyAsync(string county, string polluter)
    {
        var received = await As(Jiangsu).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = county,
            Address = "某镇某村工业区",
            Polluter = polluter,
            PollutionType = PollutionType.Air,
            Description = "夜间排放刺鼻气体",
            Channel = Channel.Hotline12369,
        });
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        return await As(Suzhou).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = 9 });
    }

    [Fact]
    public async Task A_county_office_signs_in_and_sees_its_case_with_deadline_and_working_days_left_but_not_a_siblings()
    {
        var mine = await AtCountyAsync(Wuzhong, $"吴中某化工厂{Guid.NewGuid().ToString("N")[..6]}");
        var sibling = await AtCountyAsync(Xiangcheng, $"相城某印染厂{Guid.NewGuid().ToString("N")[..6]}");
        var page = await host.NewPageAsync();

        await page.SignInAsync([Jiangsu, Suzhou, Wuzhong], "王小明");

        var row = page.Locator($"tr[data-case-id='{mine.Id}']");
        await Assertions.Expect(row).ToContainTextAsync(mine.Polluter);
        await Assertions.Expect(row).ToContainTextAsync("2024年10月15日");
        await Assertions.Expect(row).ToContainTextAsync("剩余 9 个工作日");
        await Assertions.Expect(row).ToContainTextAsync("2024年9月27日");
        await Assertions.Expect(page.Locator($"tr[data-case-id='{sibling.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(sibling.Polluter);
        // Who and where, on every page.
        var who = page.GetByRole(AriaRole.Region, new() { Name = "当前登录" });
        await Assertions.Expect(who).ToContainTextAsync("王小明");
        await Assertions.Expect(who).ToContainTextAsync("江苏省苏州市吴中区");
        await Assertions.Expect(who).ToContainTextAsync("办公室");
        await page.ScreenshotAsync("inbox-1366x768");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("剩余 9 个工作日");
        await page.ScreenshotAsync("inbox-390");
    }

    [Fact]
    public async Task A_handler_signs_in_for_a_unit_and_sees_the_units_case()
    {
        const string Unit = "吴中区水务局";
        var atCounty = await AtCountyAsync(Wuzhong, $"吴中某污水厂{Guid.NewGuid().ToString("N")[..6]}");
        await As(Wuzhong).AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, HandlingUnit = Unit, WorkingDays = 8 });
        var page = await host.NewPageAsync();

        await page.SignInAsync([Jiangsu, Suzhou, Wuzhong], "李静", unit: Unit);

        await Assertions.Expect(page.Locator($"tr[data-case-id='{atCounty.Id}']")).ToContainTextAsync("剩余 8 个工作日");
        var who = page.GetByRole(AriaRole.Region, new() { Name = "当前登录" });
        await Assertions.Expect(who).ToContainTextAsync("承办单位");
        await Assertions.Expect(who).ToContainTextAsync(Unit);
    }

    [Fact]
    public async Task A_handler_who_names_no_unit_is_told_so_and_keeps_what_was_typed()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/signin?code={Wuzhong}");

        await page.GetByLabel("承办单位", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名", Exact = true }).FillAsync("赵敏");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("承办单位人员须选择所在单位")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "姓名", Exact = true })).ToHaveValueAsync("赵敏");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }
}
