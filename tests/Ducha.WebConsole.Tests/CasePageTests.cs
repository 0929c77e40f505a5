using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>案件: a complaint walked through its lifecycle on the pages, a refusal shown beside its field, a sibling kept out.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CasePageTests(ConsoleFixture host)
{
    private const string Jiangsu = "320000", Suzhou = "320500", Wuzhong = "320506", Xiangcheng = "320507", Unit = "吴中区生态环境局";
    private static readonly string[] Province = [Jiangsu], City = [Jiangsu, Suzhou], County = [Jiangsu, Suzhou, Wuzhong];

    private CasesClient As(string code) => new(host.As(code));

    private async Task<Case> ProvinceReceivesAsync(string polluter, string place = Wuzhong) =>
        await As(Jiangsu).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = place,
            Address = "木渎镇金枫路",
            Polluter = polluter,
            PollutionType = PollutionType.Water,
            Description = "夜间向河道偷排黑臭废水",
            Channel = Channel.Hotline12369,
            Reporter = new Reporter { Name = "周举报", Phone = "13800000000" },
        });

    private static string Polluter(string name) => $"{name}{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task A_complaint_goes_down_to_the_unit_and_back_up_to_closure_each_step_signed_in_as_its_level()
    {
        var c = await ProvinceReceivesAsync(Polluter("吴中某印染厂"));
        var page = await host.NewPageAsync();

        await page.ActAsAsync(Province, "省办张科", c.Id);
        await Assertions.Expect(page.GetByLabel("办理期限（工作日）")).ToHaveValueAsync("");
        await page.AssignAsync($"office:{Suzhou}", "10");
        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("已交办。");

        await page.ActAsAsync(City, "市办李科", c.Id);
        // 10 working days received, 1 kept for reporting: 9 is the lowest the rule allows, and the form offers it.
        await Assertions.Expect(page.GetByLabel("办理期限（工作日）")).ToHaveValueAsync("9");
        await page.AssignAsync($"office:{Wuzhong}");
        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("已交办。");

        await page.ActAsAsync(County, "区办王科", c.Id);
        await Assertions.Expect(page.GetByLabel("办理期限（工作日）")).ToHaveValueAsync("8");
        await page.AssignAsync($"unit:{Unit}");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync(Unit);

        // The unit finds it in 待办 and opens it from there.
        await page.SignOutAsync();
        await page.SignInAsync(County, "环保局赵工", Unit);
        await page.Locator($"tr[data-case-id='{c.Id}'] a").ClickAsync();
        await page.ArrivesAtAsync($"**/cases/{c.Id}");
        await Assertions.Expect(page.Locator(".confidential")).ToContainTextAsync("周举报");
        await page.ReportRectifiedNowAsync("现场核查属实，企业夜间偷排", "已责令停止排放并立案处罚，排口已封堵");
        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("办理情况已上报。");

        foreach (var (path, name) in new[] { (County, "区办王科"), (City, "市办李科"), (Province, "省办张科") })
        {
            await page.ActAsAsync(path, name, c.Id);
            await page.VerifyAcceptAsync();
            await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("核查通过。");
        }
        await page.CloseSatisfiedAsync();

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("已销号。");
        await Assertions.Expect(page.Locator(".facts .status")).ToHaveTextAsync("已销号");
        await Assertions.Expect(page.Locator(".verified")).ToContainTextAsync("已校验");
        var steps = page.Locator(".steps .step-action");
        Assert.Equal(["接收登记", "交办", "交办", "交办", "上报办理情况", "核查通过", "核查通过", "核查通过", "销号"], await steps.AllTextContentsAsync());
        await Assertions.Expect(page.Locator(".step.suspect")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".steps")).ToContainTextAsync($"交至{Unit}，8 个工作日");
        await page.ScreenshotAsync("case-closed-1366x768");
        var closed = await As(Jiangsu).GetCaseAsync(new GetCaseRequest { Id = c.Id });
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.True((await As(Jiangsu).VerifyHistoryAsync(new VerifyHistoryRequest { Id = c.Id })).Intact);
    }

    [Fact]
    public async Task A_squeezed_deadline_is_refused_beside_the_working_days_with_what_was_typed_kept()
    {
        var c = await ProvinceReceivesAsync(Polluter("吴中某电镀厂"));
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        var page = await host.NewPageAsync();
        await page.ActAsAsync(City, "市办李科", c.Id);

        await page.GetByLabel("交办说明（可不填）").FillAsync("请从速办理");
        await page.AssignAsync($"office:{Wuzhong}", "5");

        var days = page.GetByLabel("办理期限（工作日）");
        var error = page.Locator("#assign-workingdays-error");
        await Assertions.Expect(error).ToContainTextAsync("期限被压缩：下交不得少于 9 个工作日");
        await Assertions.Expect(error).ToContainTextAsync("Squeezed deadline");
        await Assertions.Expect(days).ToHaveValueAsync("5");
        await Assertions.Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("assign-workingdays-error", await days.GetAttributeAsync("aria-describedby"));
        await Assertions.Expect(page.GetByLabel("交办说明（可不填）")).ToHaveValueAsync("请从速办理");
        await Assertions.Expect(page.GetByLabel("交办对象")).ToHaveValueAsync($"office:{Wuzhong}");
        Assert.Equal(Suzhou, (await As(Suzhou).GetCaseAsync(new GetCaseRequest { Id = c.Id })).HolderJurisdictionCode);
        await page.ScreenshotAsync("case-refusal-1366x768");
    }

    [Fact]
    public async Task A_county_clerk_opening_a_sibling_countys_case_sees_no_data()
    {
        var polluter = Polluter("吴中某化工厂");
        var c = await ProvinceReceivesAsync(polluter);
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        await As(Suzhou).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Wuzhong, WorkingDays = 9 });
        var page = await host.NewPageAsync();
        await page.SignInAsync([Jiangsu, Suzhou, Xiangcheng], "相城区办");

        var response = await page.GotoAsync($"/cases/{c.Id}");
        var unknown = await page.Context.APIRequest.GetAsync($"/cases/{new string('x', 300)}");

        Assert.Equal(404, response!.Status);
        Assert.Equal(404, unknown.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权查看或不存在", Level = 1 })).ToBeVisibleAsync();
        var body = page.Locator("body");
        await Assertions.Expect(body).Not.ToContainTextAsync(polluter);
        await Assertions.Expect(body).Not.ToContainTextAsync("周举报");
        await Assertions.Expect(body).Not.ToContainTextAsync("木渎镇");
    }

    [Fact]
    public async Task The_same_form_posted_twice_assigns_once_and_both_posts_lead_to_the_confirmation()
    {
        var c = await ProvinceReceivesAsync(Polluter("吴中某铸造厂"));
        var page = await host.NewPageAsync();
        await page.ActAsAsync(Province, "省办张科", c.Id);
        await page.GetByLabel("办理期限（工作日）").FillAsync("10");
        // What a double click sends: the same form, key included, twice (Chromium itself folds a double click into one post).
        var form = await page.EvaluateAsync<string>(
            "() => new URLSearchParams(new FormData(document.querySelector('form[action] input[name=\"_handler\"][value=\"assign\"]').form)).toString()");
        Task<IAPIResponse> Post() => page.Context.APIRequest.PostAsync($"/cases/{c.Id}", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = form,
            MaxRedirects = 0,
        });

        var posts = await Task.WhenAll(Post(), Post());

        Assert.All(posts, p => Assert.Equal($"/cases/{c.Id}?done=assigned", new Uri(new Uri(host.Address, "/"), p.Headers["location"]).PathAndQuery));
        var history = await As(Jiangsu).GetHistoryAsync(new GetHistoryRequest { Id = c.Id });
        Assert.Equal(["Receive", "AssignDown"], history.Transitions.Select(t => t.Action));
    }

    [Theory]
    [InlineData(1366, 768, "case-1366x768")]
    [InlineData(390, 844, "case-390")]
    public async Task The_case_page_reads_on_a_laptop_and_a_phone_without_serious_accessibility_faults(int width, int height, string shot)
    {
        var c = await ProvinceReceivesAsync(Polluter("吴中某涂装厂"));
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        var page = await host.NewPageAsync(width, height);
        await page.ActAsAsync(City, "市办李科", c.Id);
        await Assertions.Expect(page.GetByLabel("办理期限（工作日）")).ToHaveValueAsync("9");

        await page.ScreenshotAsync(shot);
        // What the person sees first, at the screen's own size.
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, shot + "-first-screen.png") });
        await page.AssertNoSeriousViolationsAsync();
    }
}
