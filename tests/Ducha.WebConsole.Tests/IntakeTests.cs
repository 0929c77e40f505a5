using System.Text.RegularExpressions;
using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>登记 through the page: the place down the tree, a double click filing once, refusals beside their fields, the confidential reporter.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class IntakeTests(ConsoleFixture host)
{
    // Zhejiang, away from the places other tests fill, so counts here are this test's own.
    private const string Zhejiang = "330000", Hangzhou = "330100", Xihu = "330106";

    private CasesClient As(string code) => new(host.As(code));

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = false }).First;

    /// <summary>
    /// Files the form with <paramref name="click"/> and answers where the browser was sent (the case page, <c>/cases/{id}</c>,
    /// or a repeat complaint's receipt).
    /// </summary>
    private static async Task<string> FileAsync(IPage page, Func<ILocator, Task> click)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true });
        var redirect = await page.RunAndWaitForResponseAsync(() => click(button),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/intake", StringComparison.Ordinal));
        Assert.Equal(302, redirect.Status);
        var location = new Uri(redirect.Headers["location"], UriKind.RelativeOrAbsolute);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static async Task PickPlaceAsync(IPage page, params string[] codes)
    {
        foreach (var code in codes)
        {
            await page.Locator("#place").SelectOptionAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "选定地点" }).ClickAsync();
            await Assertions.Expect(page.Locator("#place")).ToHaveValueAsync(code);
        }
    }

    private static async Task FillComplaintAsync(IPage page, string polluter)
    {
        await Field(page, "详细地址").FillAsync("留下街道某工业园 3 号");
        await Field(page, "被举报单位").FillAsync(polluter);
        await page.Locator("#pollution-type").SelectOptionAsync("Air");
        await Field(page, "问题描述").FillAsync("夜间排放刺鼻气体，附近居民反映强烈");
        await page.Locator("#channel").SelectOptionAsync("Hotline12369");
        await Field(page, "举报人姓名").FillAsync("钱某某");
        await Field(page, "联系电话").FillAsync("13800000000");
    }

    private async Task<List<Case>> CasesAboutAsync(string polluter) =>
        [.. (await As(Zhejiang).ListCasesAsync(new ListCasesRequest { JurisdictionCode = Xihu, PageSize = 200 })).Cases.Where(c => c.Polluter == polluter)];

    [Fact]
    public async Task A_province_office_files_a_complaint_down_the_tree_once_despite_a_double_click_and_a_resubmit()
    {
        var polluter = $"西湖某化工厂{Guid.NewGuid().ToString("N")[..6]}";
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang], "孙登记");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记" }).ClickAsync();
        await FillComplaintAsync(page, polluter);
        await PickPlaceAsync(page, Hangzhou, Xihu);
        // Moving down the tree re-posts the form: what was typed is still there.
        await Assertions.Expect(Field(page, "详细地址")).ToHaveValueAsync("留下街道某工业园 3 号");
        await Assertions.Expect(page.Locator(".picked")).ToContainTextAsync("浙江省杭州市西湖区");
        await page.ScreenshotAsync("intake-1366x768");
        var posted = await page.EvaluateAsync<string>("() => new URLSearchParams(new FormData(document.querySelector('form.intake'))).toString()");

        var target = await FileAsync(page, button => button.DblClickAsync());
        // The same form posted once more, as a browser's resubmit would.
        var again = await page.APIRequest.PostAsync("/intake", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = posted,
            MaxRedirects = 0,
        });

        var filed = Assert.Single(await CasesAboutAsync(polluter));
        Assert.Equal("/cases/" + filed.Id, target);
        Assert.Equal(302, again.Status);
        Assert.EndsWith("/cases/" + filed.Id, again.Headers["location"], StringComparison.Ordinal);
        Assert.Equal((Xihu, Channel.Hotline12369, PollutionType.Air), (filed.JurisdictionCode, filed.Channel, filed.PollutionType));
        Assert.Equal("钱某某", (await As(Zhejiang).GetCaseAsync(new GetCaseRequest { Id = filed.Id })).Reporter.Name);
        // The browser followed the redirect to the new case's page, where the office that filed it goes on: it assigns down.
        await page.ArrivesAtAsync(new Regex($"/cases/{filed.Id}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(polluter);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "交办", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_refusal_marks_the_fields_the_service_named_and_keeps_what_was_typed()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang, Hangzhou, Xihu], "周登记");
        await page.GotoAsync("/intake");
        await Field(page, "详细地址").FillAsync("文三路 100 号");
        await Field(page, "被举报单位").FillAsync("某餐饮店");
        await Field(page, "举报人姓名").FillAsync("吴某");

        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#intake-refusal")).ToBeVisibleAsync();
        foreach (var (id, message) in new[] { ("description", "此项必填"), ("channel", "请选择"), ("pollution-type", "请选择"), ("reporter-phone", "此项必填") })
        {
            var field = page.Locator("#" + id);
            await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(field).ToHaveAttributeAsync("aria-describedby", new Regex($"\\b{id}-error\\b"));
            await Assertions.Expect(page.Locator($"#{id}-error")).ToHaveTextAsync(message);
        }
        await Assertions.Expect(page.Locator("#address")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Field(page, "详细地址")).ToHaveValueAsync("文三路 100 号");
        await Assertions.Expect(Field(page, "被举报单位")).ToHaveValueAsync("某餐饮店");
        await Assertions.Expect(Field(page, "举报人姓名")).ToHaveValueAsync("吴某");
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync("intake-refused-1366x768");
        await page.AssertNoSeriousViolationsAsync();
        Assert.DoesNotContain((await As(Zhejiang).ListCasesAsync(new ListCasesRequest { JurisdictionCode = Xihu, PageSize = 200 })).Cases,
            c => c.Address == "文三路 100 号");
    }

    [Fact]
    public async Task The_reporter_block_is_marked_confidential_and_the_page_passes_axe_on_a_laptop_and_a_phone()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang, Hangzhou], "郑登记");
        await page.GotoAsync("/intake");

        var block = page.GetByRole(AriaRole.Region, new() { Name = "三、举报人信息（保密）" });
        await Assertions.Expect(block).ToContainTextAsync("保密");
        await Assertions.Expect(block).ToContainTextAsync("仅经办该案件的办公室和承办单位中有权限的人员可见");
        await Assertions.Expect(block.GetByLabel("举报人姓名")).ToBeVisibleAsync();
        await Assertions.Expect(block.GetByLabel("联系电话")).ToBeVisibleAsync();
        foreach (var label in IntakeLabels.Channels) await Assertions.Expect(page.Locator("#channel option", new() { HasText = label })).ToHaveCountAsync(1);
        await page.AssertNoSeriousViolationsAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.ScreenshotAsync("intake-390");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Theory]
    [InlineData("Form.Place", "999999")]
    [InlineData("Form.Place", "110101")]
    [InlineData("Form.Channel", "Bogus")]
    [InlineData("Form.PollutionType", "99")]
    [InlineData("Form.CentralInspection", "xyz")]
    [InlineData("Form.OriginalDeadline", "2024-02-30")]
    [InlineData("Form.Step", "elsewhere")]
    [InlineData("Form.IdempotencyKey", "")]
    public async Task A_tampered_form_is_answered_on_the_page_never_with_a_server_error(string field, string value)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang, Hangzhou], "韩登记");
        await page.GotoAsync("/intake");
        await FillComplaintAsync(page, "某厂" + Guid.NewGuid().ToString("N")[..6]);
        var posted = await page.EvaluateAsync<string>(
            "([name, value]) => { const data = new FormData(document.querySelector('form.intake')); data.set(name, value); return new URLSearchParams(data).toString(); }",
            new[] { field, value });

        var answer = await page.APIRequest.PostAsync("/intake", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = posted,
            MaxRedirects = 0,
        });

        Assert.True(answer.Status is 200 or 302 or 400, $"{field}={value}: {answer.Status}");
    }

    [Fact]
    public async Task A_repeat_complaint_shows_the_case_it_repeats()
    {
        var polluter = $"西湖某印染厂{Guid.NewGuid().ToString("N")[..6]}";
        var page = await host.NewPageAsync();
        await page.SignInAsync([Zhejiang, Hangzhou, Xihu], "冯登记");
        await page.GotoAsync("/intake");
        await FillComplaintAsync(page, polluter);
        var target = await FileAsync(page, button => button.ClickAsync());
        var first = Assert.Single(await CasesAboutAsync(polluter));
        Assert.Equal("/cases/" + first.Id, target);

        await page.GotoAsync("/intake");
        await FillComplaintAsync(page, polluter);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await page.ArrivesAtAsync(new Regex("/intake/filed/[^/?]+$"));
        await Assertions.Expect(page.Locator($"a[data-linked-case-id='{first.Id}']")).ToHaveAttributeAsync("href", "/cases/" + first.Id);
        Assert.Equal(1, (await As(Zhejiang).GetCaseAsync(new GetCaseRequest { Id = first.Id })).RepeatCount);
        await page.ScreenshotAsync("intake-repeat-1366x768");
    }
}

/// <summary>The channel names a clerk must find in the list, as the handbook lists the intake channels.</summary>
internal static class IntakeLabels
{
    public static readonly string[] Channels = ["督察组交办", "12369 环保热线", "市长信箱", "督察举报电话、信箱", "来信", "网站、APP、微信", "媒体曝光", "领导批示", "暗访"];
}
