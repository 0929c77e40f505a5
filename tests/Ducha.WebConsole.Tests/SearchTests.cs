using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>Filters and search on 待办 and 查询, and what a county clerk's search never reaches: a sibling county's cases.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SearchTests(ConsoleFixture host)
{
    private const string Jiangsu = "320000", Suzhou = "320500", Wuzhong = "320506", Xiangcheng = "320507";
    private static readonly string[] County = [Jiangsu, Suzhou, Wuzhong];

    private CasesClient As(string code) => new(host.As(code));

    private static CreateCaseRequest Complaint(string county, string polluter) => new()
    {
        JurisdictionCode = county,
        Address = "某镇工业园区",
        Polluter = polluter,
        PollutionType = PollutionType.Noise,
        Description = "夜间施工噪声扰民",
        Channel = Channel.Letter,
    };

    private async Task<Case> AssignedToAsync(string county, string polluter)
    {
        var received = await As(Jiangsu).CreateCaseAsync(Complaint(county, polluter));
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        return await As(Suzhou).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = 9 });
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_inbox_narrows_by_status_and_by_a_search_and_paging_links_keep_the_filter()
    {
        var tag = Tag();
        var assigned = await AssignedToAsync(Wuzhong, $"吴中某搅拌站{tag}");
        var ownReceipt = await As(Wuzhong).CreateCaseAsync(Complaint(Wuzhong, $"吴中某工地{Tag()}"));
        var page = await host.NewPageAsync();
        await page.SignInAsync(County, "区办筛选");

        await page.GetByLabel("状态").SelectOptionAsync("Received");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-case-id='{ownReceipt.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-case-id='{assigned.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasNotText = "待交办" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("状态")).ToHaveValueAsync("Received");

        await page.GetByRole(AriaRole.Link, new() { Name = "清除条件" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" }).FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-case-id='{assigned.Id}']")).ToContainTextAsync(assigned.Polluter);
        await Assertions.Expect(page.Locator(".count")).ToContainTextAsync("符合条件的共 1 件");
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" })).ToHaveValueAsync(tag);
        Assert.Contains("q=" + tag, page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync("inbox-filtered");
    }

    [Fact]
    public async Task A_county_clerk_finds_nothing_of_a_sibling_county_by_search_by_list_or_by_address()
    {
        var tag = Tag();
        var sibling = await AssignedToAsync(Xiangcheng, $"相城某石材厂{tag}");
        var page = await host.NewPageAsync();
        await page.SignInAsync(County, "吴中区办");

        await page.GotoAsync("/cases?q=" + Uri.EscapeDataString(sibling.Polluter));
        await Assertions.Expect(page.Locator(".empty")).ToHaveTextAsync("没有符合条件的案件。");
        await page.GotoAsync("/cases?q=" + Uri.EscapeDataString(sibling.Id));
        await Assertions.Expect(page.Locator(".empty")).ToHaveTextAsync("没有符合条件的案件。");
        await page.GotoAsync("/?q=" + Uri.EscapeDataString(tag));
        await Assertions.Expect(page.Locator(".empty")).ToHaveTextAsync("没有符合条件的待办案件。");
        await page.GotoAsync($"/cases?jurisdiction={Xiangcheng}");
        await Assertions.Expect(page.Locator(".alert")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GotoAsync($"/cases/{sibling.Id}");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(sibling.Polluter);
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(sibling.Polluter);

        // The city above both finds it by the same search.
        await page.SignOutAsync();
        await page.SignInAsync([Jiangsu, Suzhou], "市办查询");
        await page.GetByRole(AriaRole.Link, new() { Name = "查询" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" }).FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-case-id='{sibling.Id}']")).ToContainTextAsync(sibling.Polluter);
        await page.ScreenshotAsync("search-city");
    }
}
