using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.AssessmentScene;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// What the 考核 pages answer when they have no sheet to show, on 佛山市's scene: a year before any scheme is in force is
/// refused in the rule's words (200, the page still names the party or level); a sibling district's sheet and a place
/// outside the office's reach are 404 with no data; a unit's handler, whose role does not use 考核, is 403 on each page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AssessmentAnswersTests(ConsoleFixture host)
{
    private const string Xiangzhou = "440402"; // 珠海市香洲区: in Guangdong, outside 佛山市's reach

    [Fact]
    public async Task A_year_before_any_scheme_is_refused_in_the_rules_words_on_the_sheet_and_the_ranking()
    {
        await OfAsync(host);
        var page = await host.NewPageAsync();
        await page.SignInAsync(CityPath, "佛山考核科");

        var sheet = await page.GotoAsync($"/assessment/sheets/{Nanhai}/{Year - 1}");
        Assert.Equal(200, sheet!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"南海区 {Year - 1}年考核得分表", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".alert")).ToHaveTextAsync("暂无得分表：考核单位尚无施行中的本年度考核方案，方案施行后即按其实时计算。");

        var ranking = await page.GotoAsync($"/assessment/rankings/{Year - 1}");
        Assert.Equal(200, ranking!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"广东省佛山市 {Year - 1}年考核排名");
        await Assertions.Expect(page.Locator(".alert")).ToHaveTextAsync("暂无排名：考核单位尚无施行中的本年度考核方案，方案施行后即按其实时计算。");
    }

    [Fact]
    public async Task A_siblings_sheet_and_a_place_out_of_reach_are_not_found_with_no_data()
    {
        await OfAsync(host);
        var page = await host.NewPageAsync();
        await page.SignInAsync([Guangdong, Foshan, Chancheng], "禅城区办");

        var sibling = await page.GotoAsync(SheetPath(Nanhai));
        Assert.Equal(404, sibling!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权查看或不存在", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dd[data-figure='total']")).ToHaveCountAsync(0);

        page = await host.NewPageAsync();
        await page.SignInAsync(CityPath, "佛山考核科");
        var ranking = await page.GotoAsync($"/assessment/rankings/{Year}?jurisdiction={Xiangzhou}");
        Assert.Equal(404, ranking!.Status);
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("无权查看或不存在：该行政区不在您的管辖范围内。");
        var values = await page.GotoAsync($"/assessment/indicators?jurisdiction={Xiangzhou}&year={Year}");
        Assert.Equal(404, values!.Status);
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("无权查看或不存在：该行政区不在您的管辖范围内。");
    }

    [Fact]
    public async Task A_units_handler_is_forbidden_the_desk_the_ranking_and_the_values_in_each_pages_words()
    {
        await OfAsync(host);
        var page = await host.NewPageAsync();
        await page.SignInAsync([Guangdong, Foshan, Nanhai], "南海区局经办", NanhaiBureau);

        foreach (var (path, words) in new[]
        {
            ($"/assessment?year={Year}", "考核由各级 263 办公室、考核人员办理，牵头部门查看本部门得分；当前身份不能使用。"),
            ($"/assessment/rankings/{Year}", "排名由考核单位的 263 办公室和考核人员查看；当前身份不能使用。"),
            ($"/assessment/indicators?year={Year}", "监测值由各级 263 办公室、考核人员和牵头部门录入；当前身份不能使用。"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator(".alert")).ToHaveTextAsync(words);
        }
    }
}
