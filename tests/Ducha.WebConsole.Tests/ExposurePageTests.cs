using System.Text.RegularExpressions;
using Ducha.Contracts.Exposure.V1;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 曝光 through the pages: a city office proposes a problem, schedules it in its column's week and records the airing; the
/// district office that owes the follow-up finds it in 待回访 with its deadline in working days and records it. Refusals
/// stand beside their fields with what was typed kept. The clock is Friday 27 September 2024, before the National Day week.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExposurePageTests(ConsoleFixture host)
{
    private readonly ExposureScene _scene = new(host);

    private static ILocator Day(IPage page, string date) => page.Locator($"li.day[data-date='{date}']");

    private static ILocator Confirmation(IPage page) => page.Locator(".confirmation");

    /// <summary>Where the form with <paramref name="button"/> posts, and what it would post now.</summary>
    private static async Task<(string Path, string Body)> PostedAsync(IPage page, string button) =>
        (new Uri(page.Url).PathAndQuery, await page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = button }) })
            .EvaluateAsync<string>("f => new URLSearchParams(new FormData(f)).toString()"));

    private static async Task<int> PostAgainAsync(IPage page, (string Path, string Body) post) =>
        (await page.APIRequest.PostAsync(post.Path, new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, Data = post.Body, MaxRedirects = 0,
        })).Status;

    [Fact]
    public async Task A_city_office_proposes_schedules_and_airs_a_problem_and_the_district_office_follows_it_up_on_time()
    {
        var columnName = ExposureScene.Unique("合肥曝光台");
        var polluter = ExposureScene.Unique("蜀山某化工厂");
        var city = await _scene.ColumnAsync(ExposureScene.Hefei, columnName);
        var county = await _scene.ColumnAsync(ExposureScene.Shushan, ExposureScene.Unique("蜀山聚焦"));
        var page = await host.NewPageAsync();
        // Every post answered: a double click's second post gets the first one's outcome, never an error for a form gone since.
        var posts = new List<(string Url, int Status)>();
        page.Response += (_, r) => { if (r.Request.Method == "POST") posts.Add((r.Url, r.Status)); };
        await page.SignInAsync(ExposureScene.CityPath, "合肥办曝光员");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "曝光" }).ClickAsync();
        await page.ScreenshotAsync("exposure-home-1366x768");
        await page.GetByRole(AriaRole.Link, new() { Name = columnName, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(columnName);
        await Assertions.Expect(page.Locator("#week-heading")).ToContainTextAsync("2024年9月23日—9月29日");
        // 选题: the place picked down the tree, the rest typed; a double click proposes once.
        await page.Locator("#propose-place").SelectOptionAsync(ExposureScene.Shushan);
        await page.GetByRole(AriaRole.Button, new() { Name = "选定地点" }).ClickAsync();
        await Assertions.Expect(page.Locator("#propose-picked")).ToContainTextAsync("安徽省合肥市蜀山区");
        await page.GetByLabel("详细地址").FillAsync("井岗镇某工业园 8 号");
        await page.GetByLabel("涉及单位").FillAsync(polluter);
        await page.GetByLabel("污染类型").SelectOptionAsync("Water");
        await page.GetByLabel("问题描述").FillAsync("雨水管道夜间偷排生产废水，河道发黑");
        await page.GetByLabel("暗访发现").CheckAsync();
        var proposal = await PostedAsync(page, "提交选题");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交选题" }).DblClickAsync();
        await Assertions.Expect(Confirmation(page)).ToContainTextAsync("选题已提交");
        Assert.Equal(302, await PostAgainAsync(page, proposal));
        var proposed = Assert.Single(await _scene.ProblemsAsync(city), p => p.Polluter == polluter);
        Assert.Equal(ExposureScene.Shushan, proposed.PlaceJurisdictionCode);
        Assert.Equal([SelectionReason.UndercoverVisit], proposed.Reasons);

        // 安排节目: today, Friday, is offered as the first free air day; the problem is ticked.
        await Assertions.Expect(page.GetByLabel("播出日期")).ToHaveValueAsync("2024-09-27");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = polluter }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "安排节目" }).ClickAsync();
        await Assertions.Expect(Confirmation(page)).ToContainTextAsync("节目已安排");
        await Assertions.Expect(Day(page, "2024-09-27")).ToContainTextAsync(polluter);
        await Assertions.Expect(Day(page, "2024-09-27")).ToContainTextAsync("已安排，待播出");

        // 记录播出: the time is filled in as now; the week's count is then set against the minimum, in words.
        var airing = await PostedAsync(page, "记录播出");
        await Day(page, "2024-09-27").GetByRole(AriaRole.Button, new() { Name = "记录播出" }).DblClickAsync();
        await Assertions.Expect(Confirmation(page)).ToContainTextAsync("已记录播出");
        // The same post once more, as a browser's resubmit would: the programme aired since, and the post still gets the first outcome.
        Assert.Equal(302, await PostAgainAsync(page, airing));
        await Assertions.Expect(Day(page, "2024-09-27")).ToContainTextAsync("已播出");
        await Assertions.Expect(Day(page, "2024-09-27")).ToContainTextAsync("回访期限 10月10日");
        await Assertions.Expect(page.Locator(".standing")).ToContainTextAsync("未达标");
        await Assertions.Expect(page.Locator(".standing")).ToContainTextAsync("已播出 1 期");
        await Assertions.Expect(Day(page, "2024-09-29")).ToContainTextAsync("调休上班");
        await page.ScreenshotAsync("exposure-week-1366x768");
        var week = await _scene.WeekAsync(city);
        Assert.NotNull(Assert.Single(week.Programmes).AiredAt);
        Assert.Contains(await _scene.ProblemsAsync(city, ExposureStage.Aired), p => p.Id == proposed.Id);

        // The week before and after are a link away, by the query string.
        await page.GetByRole(AriaRole.Link, new() { Name = "下一周 →" }).ClickAsync();
        await Assertions.Expect(page.Locator("#week-heading")).ToContainTextAsync("2024年9月30日—10月6日");
        await Assertions.Expect(Day(page, "2024-10-01")).ToContainTextAsync("国庆节（休）");
        await page.GetByRole(AriaRole.Link, new() { Name = "回到本周" }).ClickAsync();
        await Assertions.Expect(page.Locator("#week-heading")).ToContainTextAsync("2024年9月23日—9月29日");

        // The district office owes the follow-up: 5 working days from the airing, the National Day week not counted.
        await page.SignOutAsync();
        await page.SignInAsync(ExposureScene.CountyPath, "蜀山办回访员");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "曝光" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "曝光" }).GetByRole(AriaRole.Link, new() { Name = "待回访" }).ClickAsync();
        var row = page.Locator($"section[aria-labelledby='open-heading'] tr[data-exposure-id='{proposed.Id}']");
        await Assertions.Expect(row).ToContainTextAsync("2024年10月10日");
        await Assertions.Expect(row).ToContainTextAsync("剩余 5 个工作日");
        await Assertions.Expect(row).ToContainTextAsync("待完成");
        await Assertions.Expect(row).ToContainTextAsync("安徽省合肥市263办公室");
        await page.ScreenshotAsync("exposure-followups-1366x768");

        await row.GetByRole(AriaRole.Link, new() { Name = polluter }).ClickAsync();
        await page.ArrivesAtAsync(new Regex($"/exposure/follow-ups/{proposed.Id}$"));
        await Assertions.Expect(page.GetByLabel("回访日期")).ToHaveValueAsync("2024-09-27");
        await page.GetByLabel("回访发现").FillAsync("企业已停产，正在清理管道并接入污水管网");
        await page.GetByLabel("整改情况").SelectOptionAsync("Rectifying");
        await page.GetByLabel("播出栏目").SelectOptionAsync(county.Id);
        await page.GetByLabel("播出日期").FillAsync("2024-09-27");
        await page.ScreenshotAsync("exposure-followup-form-1366x768");
        var followUp = await PostedAsync(page, "记录回访");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录回访" }).DblClickAsync();
        await Assertions.Expect(Confirmation(page)).ToContainTextAsync("按时完成");
        Assert.Equal(302, await PostAgainAsync(page, followUp));
        await Assertions.Expect(page.Locator("dd.state")).ToHaveTextAsync("按时完成");
        await page.ScreenshotAsync("exposure-followup-done-1366x768");

        await page.GetByRole(AriaRole.Link, new() { Name = "待回访" }).First.ClickAsync();
        var done = page.Locator($"section[aria-labelledby='done-heading'] tr[data-exposure-id='{proposed.Id}']");
        await Assertions.Expect(done).ToContainTextAsync("按时完成");
        await Assertions.Expect(page.Locator($"section[aria-labelledby='open-heading'] tr[data-exposure-id='{proposed.Id}']")).ToHaveCountAsync(0);
        var recorded = await new Ducha.Contracts.Exposure.V1.Exposure.ExposureClient(host.As(ExposureScene.Shushan))
            .GetExposureAsync(new GetExposureRequest { Id = proposed.Id });
        Assert.Equal((FollowUpState.OnTime, county.Id, RectificationState.Rectifying),
            (recorded.FollowUpState, recorded.FollowUpBroadcast.ColumnId, recorded.ReturnVisit.RectificationState));
        Assert.All(posts, p => Assert.True(p.Status < 400, $"POST {p.Url}: {p.Status}"));
    }

    [Fact]
    public async Task A_refused_schedule_and_an_empty_description_show_the_rule_beside_the_field_and_keep_what_was_typed()
    {
        var city = await _scene.ColumnAsync(ExposureScene.Hefei, ExposureScene.Unique("合肥曝光台"));
        var waiting = await _scene.ProposeAsync(city, ExposureScene.Unique("蜀山某印染厂"));
        var page = await host.NewPageAsync();
        await page.SignInAsync(ExposureScene.CityPath, "合肥办曝光员");
        await page.GotoAsync(ExposureScene.WeekPath(city));

        // Saturday: the column airs Monday to Friday, so the service refuses the date by its rule.
        await page.GetByLabel("播出日期").FillAsync("2024-09-28");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = waiting.Polluter }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "安排节目" }).ClickAsync();

        var dateError = page.Locator("#schedule-airdate-error");
        await Assertions.Expect(dateError).ToContainTextAsync("这一天不能安排节目");
        await Assertions.Expect(dateError).ToContainTextAsync("does not air on 2024-09-28");
        await Assertions.Expect(page.GetByLabel("播出日期")).ToHaveValueAsync("2024-09-28");
        await Assertions.Expect(page.GetByLabel("播出日期")).ToHaveAttributeAsync("aria-describedby", new Regex("schedule-airdate-error"));
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = waiting.Polluter })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#schedule-heading + p + form .refusal")).ToContainTextAsync("曝光服务未受理");
        await page.ScreenshotAsync("exposure-refused-1366x768");
        Assert.Empty((await _scene.WeekAsync(city)).Programmes);

        // 选题 without its description: 此项必填 beside it, the rest as typed.
        await page.GetByLabel("详细地址").FillAsync("井岗镇某路 12 号");
        await page.GetByLabel("涉及单位").FillAsync("某建材公司");
        await page.GetByLabel("污染类型").SelectOptionAsync("Air");
        await page.GetByLabel("问题突出").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交选题" }).ClickAsync();

        await Assertions.Expect(page.Locator("#propose-description-error")).ToHaveTextAsync("此项必填");
        await Assertions.Expect(page.GetByLabel("涉及单位")).ToHaveValueAsync("某建材公司");
        await Assertions.Expect(page.GetByLabel("污染类型")).ToHaveValueAsync("Air");
        await Assertions.Expect(page.GetByLabel("问题突出")).ToBeCheckedAsync();
        Assert.Single(await _scene.ProblemsAsync(city));
    }

    [Fact]
    public async Task An_office_opens_a_column_on_the_page_after_an_impossible_minimum_is_refused_beside_its_field()
    {
        var name = ExposureScene.Unique("芜湖聚焦");
        var page = await host.NewPageAsync();
        await page.SignInAsync([ExposureScene.Anhui, "340200"], "芜湖办");
        await page.GotoAsync("/exposure");
        await page.GetByLabel("媒体名称").FillAsync("芜湖电视台");
        await page.GetByLabel("栏目名称").FillAsync(name);
        foreach (var day in new[] { "周一", "周三", "周五" }) await page.GetByLabel(day, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "最低期数（可不填）" }).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "开设栏目" }).ClickAsync();

        // Four a week on three air days: the column's rule refuses it, in its own words beside the minimum.
        await Assertions.Expect(page.Locator("#column-minimum-error")).ToContainTextAsync("最低期数超过了可播出的天数");
        await Assertions.Expect(page.Locator("#column-minimum-error")).ToContainTextAsync("A minimum of 4 cannot be aired on 3 air days");
        await Assertions.Expect(page.GetByLabel("栏目名称")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel("周三", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("周二", new() { Exact = true })).Not.ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "最低期数（可不填）" }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "开设栏目" }).ClickAsync();
        await Assertions.Expect(Confirmation(page)).ToContainTextAsync("栏目已开设");
        var card = page.Locator(".column-card").Filter(new() { HasText = name });
        await Assertions.Expect(card).ToContainTextAsync("芜湖电视台（电视）");
        await Assertions.Expect(card).ToContainTextAsync("每周一、三、五播出，每周不少于 3 期");
        var columns = await new Ducha.Contracts.Exposure.V1.Exposure.ExposureClient(host.As("340200")).ListColumnsAsync(new ListColumnsRequest { PageSize = 200 });
        var opened = Assert.Single(columns.Columns, c => c.Name == name);
        Assert.Equal([Weekday.Monday, Weekday.Wednesday, Weekday.Friday], opened.AirDays);
    }

    [Fact]
    public async Task The_pages_fit_a_phone_an_overdue_follow_up_says_so_first_and_another_citys_column_is_not_found()
    {
        var city = await _scene.ColumnAsync(ExposureScene.Hefei, ExposureScene.Unique("合肥曝光台"));
        var aired = await _scene.AiredAsync(city, ExposureScene.Unique("蜀山某电镀厂"));
        var late = await _scene.AiredAsync(city, ExposureScene.Unique("蜀山某砖瓦厂"), day: 13);
        var page = await host.NewPageAsync(390, 844);
        await page.SignInAsync(ExposureScene.CityPath, "合肥办曝光员");
        await page.GotoAsync(ExposureScene.WeekPath(city));
        await Assertions.Expect(Day(page, "2024-09-27")).ToContainTextAsync(aired.Polluter);
        await page.ScreenshotAsync("exposure-week-390x844");
        await page.SignOutAsync();
        await page.SignInAsync(ExposureScene.CountyPath, "蜀山办回访员");
        await page.GotoAsync("/exposure/follow-ups");
        await Assertions.Expect(page.Locator($"tr[data-exposure-id='{aired.Id}']")).ToContainTextAsync("剩余 5 个工作日");
        // Due Monday 23 September, four working days ago: first in the list, and said in words.
        var overdue = page.Locator("section[aria-labelledby='open-heading'] tbody tr").First;
        await Assertions.Expect(overdue).ToHaveAttributeAsync("data-exposure-id", late.Id);
        await Assertions.Expect(overdue).ToContainTextAsync("2024年9月23日");
        await Assertions.Expect(overdue).ToContainTextAsync("已超期 4 个工作日");
        await Assertions.Expect(overdue).ToContainTextAsync("已超期未完成");
        await page.ScreenshotAsync("exposure-followups-390x844");
        var noScroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(noScroll, "the follow-ups page scrolls sideways on a phone");

        // Wuhu, a sibling city: the column is as unknown to it as one that does not exist, and its 待回访 holds nothing of Hefei's.
        await page.SignOutAsync();
        await page.SignInAsync([ExposureScene.Anhui, "340200"], "芜湖办");
        var sibling = await page.GotoAsync(ExposureScene.WeekPath(city));
        Assert.Equal(404, sibling!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权查看或不存在");
        Assert.Equal(404, (await page.GotoAsync($"/exposure/follow-ups/{aired.Id}"))!.Status);
    }
}
