using Ducha.Contracts.Disclosure.V1;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 公开 through the pages: a county office drafts its bulletin for a period, reviews the preview, publishes it and
/// corrects it with a reason; a bulletin carrying a mobile number is refused with the rule's words at the cell; a
/// double click publishes once; a sibling county sees nothing of another's bulletin.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DisclosurePageTests(ConsoleFixture host)
{
    // Fujian, away from the places other tests fill, so a county's bulletin counts this test's cases only.
    private const string Fujian = "350000", Fuzhou = "350100";

    private static string Polluter(string name) => $"{name}{Guid.NewGuid().ToString("N")[..6]}";

    private static ILocator Figure(IPage page, string name) => page.Locator($"dd[data-figure='{name}']");

    [Theory]
    [InlineData(1366, 768, "350102", "鼓楼区", "1366x768")]
    [InlineData(390, 844, "350105", "马尾区", "390")]
    public async Task A_county_office_drafts_reviews_publishes_and_corrects_its_bulletin_on_the_pages(int width, int height, string county, string name, string size)
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, county, name);
        var inHand = await steps.VerifiedAsync(Polluter($"{name}某印染厂"));
        var closed = await steps.VerifiedAsync(Polluter($"{name}某电镀厂"));
        await steps.CloseAsync(closed.Id);
        await steps.SummaryWhenAsync(s => s.Transferred == 2 && s.Closed == 1);
        var page = await host.NewPageAsync(width, height);
        await page.SignInAsync(steps.CountyPath, "区办吴科");

        await page.GetByRole(AriaRole.Link, new() { Name = "公开", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#drafts-heading + .hint + .empty")).ToHaveTextAsync("暂无待发布的草稿。");
        await Assertions.Expect(page.GetByLabel("统计期间自")).ToHaveValueAsync(DisclosurePageSteps.Today);
        await page.GetByLabel("统计期间至（含当日）").FillAsync(DisclosurePageSteps.Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();

        await page.ArrivesAtAsync("**/disclosure/bulletins/*?done=drafted");
        var id = new Uri(page.Url).Segments[^1];
        var title = $"福州市{name}边督边改情况通报（2024年9月27日）";
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预览（未发布）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Figure(page, "transferred")).ToHaveTextAsync("2 件");
        await Assertions.Expect(Figure(page, "closed")).ToHaveTextAsync("1 件");
        await Assertions.Expect(Figure(page, "in-hand")).ToHaveTextAsync("1 件");
        await Assertions.Expect(page.Locator(".bulletin-text")).ToContainTextAsync($"福州市{name}共收到督察组交办信访件2件");
        Assert.Equal([inHand.Id, closed.Id], await page.Locator("table.bulletin-cases tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.caseId)"));
        await Assertions.Expect(page.Locator($"#case-1-findings")).ToHaveTextAsync("经现场核查，该企业夜间偷排生产废水属实。");
        await page.ScreenshotAsync($"disclosure-draft-{size}");

        await page.GotoAsync("/disclosure");
        var draftRow = page.Locator($"table.drafts tr[data-bulletin-id='{id}']");
        await Assertions.Expect(draftRow.Locator("td.due")).ToHaveTextAsync("2024年9月29日"); // Sunday 29: a make-up working day
        await Assertions.Expect(draftRow).Not.ToHaveClassAsync("overdue");
        await page.ScreenshotAsync($"disclosure-desk-draft-{size}");
        await draftRow.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("已发布，公众可在公开网站查看。");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公开页面内容（第 1 版）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "在公开网站查看本通报" })).ToHaveAttributeAsync("href", $"/public/bulletins/{id}");
        await Assertions.Expect(page.Locator(".version-list > li")).ToHaveCountAsync(1);
        await page.GotoAsync("/disclosure");
        await Assertions.Expect(page.Locator($"table.published tr[data-bulletin-id='{id}']")).ToContainTextAsync("第 1 版");
        await Assertions.Expect(page.Locator($"table.drafts tr[data-bulletin-id='{id}']")).ToHaveCountAsync(0);

        // The case in hand is closed since: the data differ from version 1, and the office corrects it with its reason.
        await steps.CloseAsync(inHand.Id);
        await steps.SummaryWhenAsync(s => s.Closed == 2);
        await page.Locator($"table.published tr[data-bulletin-id='{id}'] a").ClickAsync();
        await page.GetByLabel("更正理由（必填，公众可见）").FillAsync("第1号案件已办结销号");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布更正" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("更正已发布，更正理由与新版本一并公开。");
        await Assertions.Expect(page.Locator(".lead .state")).ToHaveTextAsync("已发布（第2版）");
        await Assertions.Expect(Figure(page, "closed")).ToHaveTextAsync("2 件");
        var second = page.Locator(".version-list > li[data-version='2']");
        await Assertions.Expect(second.Locator(".version-reason")).ToHaveTextAsync("更正理由：第1号案件已办结销号");
        await Assertions.Expect(second).ToContainTextAsync("已办结件数由1件更正为2件");
        await Assertions.Expect(page.Locator(".version-list .verified")).ToHaveCountAsync(2);
        await page.ScreenshotAsync($"disclosure-corrected-{size}");
        await page.AssertNoSeriousViolationsAsync();
        var reader = await page.Context.APIRequest.GetAsync($"/public/bulletins/{id}");
        Assert.Contains("第1号案件已办结销号", await reader.TextAsync());
        await page.GotoAsync("/disclosure");
        await Assertions.Expect(page.Locator($"table.published tr[data-bulletin-id='{id}']")).ToContainTextAsync("第 2 版");
        await page.ScreenshotAsync($"disclosure-desk-{size}");
    }

    [Fact]
    public async Task Publishing_a_bulletin_whose_findings_carry_a_mobile_number_is_refused_with_the_rules_words_at_the_cell()
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, "350103", "台江区");
        await steps.VerifiedAsync(Polluter("台江某化工厂"), "经核查属实，企业负责人（电话13912345678）承认夜间排放。");
        await steps.SummaryWhenAsync(s => s.Transferred == 1);
        var draft = await steps.DraftAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync(steps.CountyPath, "区办林科");
        await page.GotoAsync($"/disclosure/bulletins/{draft.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();

        var refusal = page.Locator("#publish-refusal");
        // Publishing asks the cases service to screen every case text first: on a busy machine that takes a while.
        await Assertions.Expect(refusal).ToContainTextAsync("不符合办理规则，信息公开服务未受理", new() { Timeout = 20_000 });
        await Assertions.Expect(refusal.GetByRole(AriaRole.Link, new() { Name = "附表第1号“调查核实情况”" })).ToHaveAttributeAsync("href", "#case-1-findings");
        // The link takes the clerk to the cell on this page, not away from the refusal.
        await refusal.GetByRole(AriaRole.Link, new() { Name = "附表第1号“调查核实情况”" }).ClickAsync();
        await page.ArrivesAtAsync($"**/disclosure/bulletins/{draft.Id}#case-1-findings");
        await Assertions.Expect(refusal).ToContainTextAsync("would disclose a reporter's identity or personal numbers");
        var cell = page.Locator("#case-1-findings");
        await Assertions.Expect(cell).ToHaveClassAsync("refused");
        await Assertions.Expect(cell.Locator("#case-1-findings-error")).ToContainTextAsync("含举报人身份信息或手机号码、身份证号码，不能公开");
        await Assertions.Expect(page.Locator("#case-1-result")).Not.ToHaveClassAsync("refused");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预览（未发布）" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("disclosure-refused-1366x768");
        var stored = await steps.Disclosure(steps.County).GetBulletinAsync(new GetBulletinRequest { Id = draft.Id });
        Assert.Equal((BulletinState.Draft, 0), (stored.State, stored.Versions.Count));
    }

    [Fact]
    public async Task A_draft_brought_up_to_date_on_its_page_counts_the_case_that_came_in_since()
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, "350123", "罗源县");
        var first = await steps.AtCountyAsync(Polluter("罗源某石材厂"));
        await steps.SummaryWhenAsync(s => s.Transferred == 1);
        var draft = await steps.DraftAsync();
        var since = await steps.AtCountyAsync(Polluter("罗源某养殖场"));
        await steps.SummaryWhenAsync(s => s.Transferred == 2);
        var page = await host.NewPageAsync();
        await page.SignInAsync(steps.CountyPath, "县办许科");
        await page.GotoAsync($"/disclosure/bulletins/{draft.Id}");
        await Assertions.Expect(Figure(page, "transferred")).ToHaveTextAsync("1 件");

        await page.GetByRole(AriaRole.Button, new() { Name = "按最新数据重新生成" }).ClickAsync();

        await page.ArrivesAtAsync($"**/disclosure/bulletins/{draft.Id}?done=drafted");
        await Assertions.Expect(Figure(page, "transferred")).ToHaveTextAsync("2 件");
        Assert.Equal([first.Id, since.Id], await page.Locator("table.bulletin-cases tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.caseId)"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预览（未发布）" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_period_longer_than_a_month_is_refused_beside_its_end_with_the_dates_typed_kept()
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, "350111", "晋安区");
        var page = await host.NewPageAsync();
        await page.SignInAsync(steps.CountyPath, "区办郑科");
        await page.GotoAsync("/disclosure");

        await page.GetByLabel("统计期间自").FillAsync("2024-08-01");
        await page.GetByLabel("统计期间至（含当日）").FillAsync("2024-09-27");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();

        var end = page.GetByLabel("统计期间至（含当日）");
        await Assertions.Expect(page.Locator("#draft-periodend-error")).ToContainTextAsync("统计期间最长 31 天");
        await Assertions.Expect(page.Locator("#draft-periodend-error")).ToContainTextAsync("a period is at most 31 days");
        await Assertions.Expect(end).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(end).ToHaveValueAsync("2024-09-27");
        await Assertions.Expect(page.GetByLabel("统计期间自")).ToHaveValueAsync("2024-08-01");
        Assert.Empty((await steps.Disclosure(steps.County).ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = steps.County })).Bulletins);
    }

    [Fact]
    public async Task The_publish_form_posted_twice_publishes_once_and_both_posts_lead_to_the_confirmation()
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, "350112", "长乐区");
        var draft = await steps.DraftAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync(steps.CountyPath, "区办陈科");
        await page.GotoAsync($"/disclosure/bulletins/{draft.Id}");
        // What a double click sends: the same form, key included, twice.
        var form = await page.EvaluateAsync<string>(
            "() => new URLSearchParams(new FormData(document.querySelector('input[name=\"_handler\"][value=\"publish\"]').form)).toString()");
        Task<IAPIResponse> Post() => page.Context.APIRequest.PostAsync($"/disclosure/bulletins/{draft.Id}", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = form,
            MaxRedirects = 0,
        });

        var posts = await Task.WhenAll(Post(), Post());

        Assert.All(posts, p => Assert.Equal($"/disclosure/bulletins/{draft.Id}?done=published",
            new Uri(new Uri(host.Address, "/"), p.Headers["location"]).PathAndQuery));
        var stored = await steps.Disclosure(steps.County).GetBulletinAsync(new GetBulletinRequest { Id = draft.Id });
        Assert.Equal((BulletinState.Published, 1), (stored.State, stored.Versions.Count));
    }

    [Fact]
    public async Task A_sibling_county_office_opening_anothers_bulletin_or_list_by_address_sees_nothing_of_it()
    {
        var steps = new DisclosurePageSteps(host, Fujian, Fuzhou, "350121", "闽侯县");
        var draft = await steps.DraftAsync("2024-09-20", "2024-09-20");
        var page = await host.NewPageAsync();
        await page.SignInAsync([Fujian, Fuzhou, "350122"], "连江县办");

        var bulletin = await page.GotoAsync($"/disclosure/bulletins/{draft.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权查看或不存在", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("闽侯县");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true })).ToHaveCountAsync(0);
        var list = await page.GotoAsync($"/disclosure?jurisdiction={steps.County}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("无权查看或不存在");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("闽侯县");
        await Assertions.Expect(page.Locator($"[data-bulletin-id='{draft.Id}']")).ToHaveCountAsync(0);

        Assert.Equal((404, 404), (bulletin!.Status, list!.Status));
        // The city office above reads it, without the form that publishes it.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.SignInAsync([Fujian, Fuzhou], "市办黄科");
        await page.GotoAsync($"/disclosure?jurisdiction={steps.County}");
        var row = page.Locator($"table.drafts tr[data-bulletin-id='{draft.Id}']");
        // Due on Monday 23 September, still a draft on Friday 27: late, said in words beside the date.
        await Assertions.Expect(row.Locator("td.due")).ToHaveTextAsync("2024年9月23日逾期未发布");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "生成草稿" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("disclosure-desk-below-1366x768");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "福州市闽侯县边督边改情况通报（2024年9月20日）", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true })).ToHaveCountAsync(0);
    }
}
