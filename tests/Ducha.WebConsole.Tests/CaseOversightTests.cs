using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.OversightSetup;

namespace Ducha.WebConsole.Tests;

/// <summary>案件 · 督 and 问责: supervision, a stop order's check, accountability and a clue, each through the page only.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CaseOversightTests(ConsoleFixture host)
{
    private readonly OversightSetup _cases = new(host);

    [Fact]
    public async Task The_city_office_puts_a_case_the_county_holds_under_listed_supervision_and_the_timeline_shows_it()
    {
        var c = await _cases.HeldByCountyAsync("吴中某印染厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(City, "市办李科", c.Id);

        await page.SuperviseAsync("挂牌督办", "王副市长", "请于十个工作日内办结并报告");

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("已督办。");
        var last = page.Locator(".steps .step").Last;
        await Assertions.Expect(last.Locator(".step-action")).ToHaveTextAsync("督办");
        await Assertions.Expect(last.Locator(".step-why")).ToHaveTextAsync("挂牌督办，督办领导：王副市长；要求：请于十个工作日内办结并报告");
        await Assertions.Expect(last.Locator(".step-who")).ToContainTextAsync("市级 · 苏州市");
        await Assertions.Expect(page.Records().Locator(".supervision .record-kind")).ToHaveTextAsync("挂牌督办");
        await Assertions.Expect(page.Records().Locator(".supervision")).ToContainTextAsync("督办领导：王副市长");
        await Assertions.Expect(page.Records().Locator(".supervision")).ToContainTextAsync("江苏省苏州市263办公室");
        await Assertions.Expect(page.Locator(".facts .flags")).ToContainTextAsync("挂牌督办：王副市长");
        var supervised = await _cases.As(Suzhou).GetCaseFileAsync(new GetCaseFileRequest { Id = c.Id });
        Assert.Equal(SupervisionKind.Listed, Assert.Single(supervised.Supervisions).Kind);
    }

    [Fact]
    public async Task The_unit_records_the_on_site_check_of_the_stop_order_its_report_listed()
    {
        var c = await _cases.ReportedWithStopOrderAsync("吴中某电镀厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(County, "环保局赵工", c.Id, Unit);
        var stop = page.Records().Locator(".measure[data-measure='1']");
        await Assertions.Expect(stop).ToContainTextAsync("第 1 项 · 停产停业");
        await Assertions.Expect(stop.Locator(".check-state")).ToContainTextAsync("核查期限 2024年10月8日");
        await Assertions.Expect(stop.Locator(".check-state .state")).ToHaveTextAsync("待核查");
        await Assertions.Expect(page.Records().Locator(".measure[data-measure='2'] .check-state")).ToHaveCountAsync(0);

        await page.OpenAsync("停产/关停措施核查");
        await Assertions.Expect(page.GetByLabel("核查的措施")).ToHaveValueAsync("1");
        await page.GetByLabel("现场核查情况").FillAsync("现场查看，生产线已停，电源已断开");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录核查" }).ClickAsync();

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("核查情况已记录。");
        await Assertions.Expect(stop.Locator(".check-state")).ToContainTextAsync("已核查（2024年9月27日");
        await Assertions.Expect(stop).ToContainTextAsync("核查情况：现场查看，生产线已停，电源已断开");
        await Assertions.Expect(page.Locator(".steps .step-why").Last).ToHaveTextAsync("第 1 项措施现场核查：现场查看，生产线已停，电源已断开");
        // Checked once: nothing is left to check, so the form is gone.
        await Assertions.Expect(page.ActionHeading("停产/关停措施核查")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_stop_of_a_whole_area_reported_without_investigation_is_refused_beside_it_and_once_investigated_awaits_its_check()
    {
        var c = await _cases.HeldByCountyAsync("吴中某漂染厂");
        await _cases.As(Wuzhong).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, HandlingUnit = Unit, WorkingDays = 8 });
        var page = await host.NewPageAsync();
        await page.ActAsAsync(County, "环保局赵工", c.Id, Unit);
        await page.GetByLabel("调查核实情况").FillAsync("木渎镇漂染企业夜间偷排");
        await page.GetByLabel("处理结果").FillAsync("全镇漂染企业停产整治");
        await page.GetByLabel("已立行立改").CheckAsync();
        var measure = page.GetByRole(AriaRole.Group, new() { Name = "措施 1", Exact = true });
        await measure.GetByLabel("措施类型").SelectOptionAsync(new SelectOptionValue { Label = "停产停业" });
        await measure.GetByLabel("范围").SelectOptionAsync(new SelectOptionValue { Label = "整个区域" });
        await measure.GetByLabel("措施内容").FillAsync("木渎镇漂染企业全部停产");
        await measure.GetByLabel("现场核查日期（").FillAsync("2024-10-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "上报", Exact = true }).ClickAsync();

        var investigation = measure.GetByLabel("逐一排查情况（");
        await Assertions.Expect(page.Locator("#report-measures-0-investigation-error")).ToContainTextAsync("不搞“一刀切”");
        await Assertions.Expect(page.Locator("#report-measures-0-investigation-error")).ToContainTextAsync("Blanket measure refused (一刀切)");
        await Assertions.Expect(investigation).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(measure.GetByLabel("措施内容")).ToHaveValueAsync("木渎镇漂染企业全部停产");
        await Assertions.Expect(measure.GetByLabel("范围")).ToHaveValueAsync("Area");
        await Assertions.Expect(measure.GetByLabel("现场核查日期（")).ToHaveValueAsync("2024-10-08");
        await page.Locator(".case-actions").ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, "case-report-blanket-stop-refused.png") });

        await investigation.FillAsync("逐一排查 12 家，3 家超标排放");
        await page.GetByRole(AriaRole.Button, new() { Name = "上报", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("办理情况已上报。");
        var stop = page.Records().Locator(".measure[data-measure='1']");
        await Assertions.Expect(stop).ToContainTextAsync("整个区域");
        await Assertions.Expect(stop).ToContainTextAsync("逐一排查：逐一排查 12 家，3 家超标排放");
        await Assertions.Expect(stop.Locator(".check-state .state")).ToHaveTextAsync("待核查");
        await Assertions.Expect(page.ActionHeading("停产/关停措施核查")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Accountability_recorded_on_the_page_is_counted_by_rank_and_sanction_and_named_only_to_offices()
    {
        var c = await _cases.ReportedWithStopOrderAsync("吴中某化工厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(City, "市办李科", c.Id);
        await page.OpenAsync("问责");
        await page.FillPersonAsync(1, "张某", "吴中区水务局局长", "科级", "诫勉谈话");
        await page.FillPersonAsync(2, "李某", "吴中区水务局副局长", "科级", "诫勉谈话");
        await page.GetByRole(AriaRole.Button, new() { Name = "再加一人" }).ClickAsync();
        // One more row, the two typed kept, the focus in the new row.
        await Assertions.Expect(page.Person(3).GetByLabel("姓名")).ToBeFocusedAsync();
        await Assertions.Expect(page.Person(2).GetByLabel("姓名")).ToHaveValueAsync("李某");
        await page.FillPersonAsync(3, "王某", "木渎镇副镇长", "科级", "通报批评", "已按程序履职，设施故障系暴雨所致");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录问责" }).ClickAsync();

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("问责情况已记录。");
        await Assertions.Expect(page.Records().Locator(".tally-total")).ToHaveTextAsync("共问责 2 人，容错免责 1 人。");
        var rows = page.Records().Locator(".tally tbody tr");
        Assert.Equal(["科级诫勉谈话20", "科级通报批评01"], (await rows.AllTextContentsAsync()).Select(r => string.Concat(r.Where(ch => !char.IsWhiteSpace(ch)))));
        await Assertions.Expect(page.Records().Locator(".people")).ToContainTextAsync("张某");
        await Assertions.Expect(page.Records().Locator(".people")).ToContainTextAsync("容错免责：已按程序履职，设施故障系暴雨所致");
        await Assertions.Expect(page.Locator(".steps .step-why").Last).ToHaveTextAsync("记录被问责人员 3 人，其中容错免责 1 人");

        // The unit reads the counts, not the names.
        await page.ActAsAsync(County, "环保局赵工", c.Id, Unit);
        await Assertions.Expect(page.Records().Locator(".tally-total")).ToHaveTextAsync("共问责 2 人，容错免责 1 人。");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("张某");
    }

    [Fact]
    public async Task The_county_office_refers_a_clue_to_its_own_supervisory_organ()
    {
        var c = await _cases.HeldByCountyAsync("吴中某造纸厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(County, "区办王科", c.Id);
        await page.OpenAsync("问题线索移送");
        await Assertions.Expect(page.Locator("#clue-hint")).ToContainTextAsync("江苏省苏州市吴中区纪委监委");
        await page.GetByLabel("问题线索", new() { Exact = true }).FillAsync("木渎镇对该厂偷排问题长期失管，涉嫌失职失责");
        await page.GetByRole(AriaRole.Button, new() { Name = "移送", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Confirmation()).ToHaveTextAsync("问题线索已移送。");
        var clue = page.Records().Locator(".clues li");
        await Assertions.Expect(clue).ToContainTextAsync("移送江苏省苏州市吴中区纪委监委");
        await Assertions.Expect(clue).ToContainTextAsync("木渎镇对该厂偷排问题长期失管，涉嫌失职失责");
        var last = page.Locator(".steps .step").Last;
        await Assertions.Expect(last.Locator(".step-action")).ToHaveTextAsync("问题线索移送");
        await Assertions.Expect(last.Locator(".step-why")).ToHaveTextAsync("问题线索移送吴中区纪委监委");
    }

    [Fact]
    public async Task Listed_supervision_without_its_leader_is_refused_beside_the_leader_with_what_was_typed_kept()
    {
        var c = await _cases.HeldByCountyAsync("吴中某涂装厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(City, "市办李科", c.Id);

        await page.SuperviseAsync("挂牌督办", null, "请从速办理");

        var leader = page.GetByLabel("督办领导（");
        var error = page.Locator("#supervise-leader-error");
        await Assertions.Expect(error).ToContainTextAsync("挂牌督办、包案和专项督导组须写明领导（组长）姓名。");
        await Assertions.Expect(error).ToContainTextAsync("leader is required for listed supervision");
        await Assertions.Expect(leader).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("supervise-leader-error", await leader.GetAttributeAsync("aria-describedby"));
        await Assertions.Expect(page.GetByLabel("督办要求（")).ToHaveValueAsync("请从速办理");
        await Assertions.Expect(page.GetByLabel("督办方式")).ToHaveValueAsync("Listed");
        Assert.Empty((await _cases.As(Suzhou).GetCaseFileAsync(new GetCaseFileRequest { Id = c.Id })).Supervisions);
        await page.Locator(".case-actions").ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, "case-supervise-refused-actions.png") });
    }

    [Fact]
    public async Task A_refused_person_is_marked_on_the_row_they_were_typed_in_even_after_a_blank_row()
    {
        var c = await _cases.HeldByCountyAsync("吴中某砖瓦厂");
        var page = await host.NewPageAsync(390, 844);
        await page.ActAsAsync(City, "市办李科", c.Id);
        await page.OpenAsync("问责");
        await page.FillPersonAsync(1, "张某", "吴中区水务局局长", "科级", "诫勉谈话");
        await page.GetByRole(AriaRole.Button, new() { Name = "再加一人" }).ClickAsync();
        // Row 2 left blank; row 3 exempted without a reason: the service's people[1] is the third row on the page.
        await page.FillPersonAsync(3, "王某", "木渎镇副镇长", "科级", "通报批评", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录问责" }).ClickAsync();

        var reason = page.Person(3).GetByLabel("容错理由（");
        await Assertions.Expect(page.Locator("#accountability-people-2-faulttolerancereason-error"))
            .ToHaveTextAsync("容错免责须写明理由。fault_tolerance_reason is required when the person is exempted (容错)");
        await Assertions.Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Person(1).GetByLabel("姓名")).ToHaveValueAsync("张某");
        await Assertions.Expect(page.Person(3).GetByLabel("容错免责", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Person(2).GetByLabel("姓名")).ToHaveValueAsync("");
        await Assertions.Expect(page.Person(2).Locator("[aria-invalid=true]")).ToHaveCountAsync(0);
        Assert.Empty((await _cases.As(Suzhou).GetCaseFileAsync(new GetCaseFileRequest { Id = c.Id })).Accountability);
        await page.ScreenshotAsync("case-accountability-refused-390");
    }

    [Fact]
    public async Task Only_those_the_rules_allow_see_each_oversight_form()
    {
        var c = await _cases.ReportedWithStopOrderAsync("吴中某铸造厂");
        var page = await host.NewPageAsync();

        // The unit that reported: it checks its stop order, but neither supervises, holds anyone accountable nor refers clues.
        await page.ActAsAsync(County, "环保局赵工", c.Id, Unit);
        await Assertions.Expect(page.ActionHeading("停产/关停措施核查")).ToBeVisibleAsync();
        foreach (var heading in new[] { "督办", "问责", "问题线索移送" })
            await Assertions.Expect(page.ActionHeading(heading)).ToHaveCountAsync(0);

        // The county office holds the report: it verifies, records accountability and refers clues, but does not supervise itself.
        await page.ActAsAsync(County, "区办王科", c.Id);
        foreach (var heading in new[] { "核查", "停产/关停措施核查", "问责", "问题线索移送" })
            await Assertions.Expect(page.ActionHeading(heading)).ToBeVisibleAsync();
        await Assertions.Expect(page.ActionHeading("督办")).ToHaveCountAsync(0);

        // The city office above it supervises.
        await page.ActAsAsync(City, "市办李科", c.Id);
        await Assertions.Expect(page.ActionHeading("督办")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Odd_posts_to_the_oversight_forms_get_no_server_error_and_change_nothing()
    {
        var c = await _cases.ReportedWithStopOrderAsync("吴中某石材厂");
        var page = await host.NewPageAsync();
        await page.ActAsAsync(County, "区办王科", c.Id);
        async Task<string> FormOf(string handler) => await page.EvaluateAsync<string>(
            $"() => new URLSearchParams(new FormData(document.querySelector('input[name=_handler][value={handler}]').form)).toString()");
        var accountability = await FormOf("accountability");
        var stopCheck = await FormOf("stopcheck");
        Task<IAPIResponse> Post(string body) => page.Context.APIRequest.PostAsync($"/cases/{c.Id}", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = body,
            MaxRedirects = 0,
        });

        var answers = new List<(string What, int Status)>();
        foreach (var (name, value) in new[] { ("Form.Rows", "99999"), ("Form.Rows", "-3"), ("Form.Rows", "abc"), ("Form.People[5000].Name", "某"),
                     ("Form.People[0].Rank", "Bishop"), ("Form.People[0].Sanction", "99"), ("Form.AddRow", "maybe") })
            answers.Add(($"{name}={value}", (await Post(Set(accountability, name, value))).Status));
        foreach (var (name, value) in new[] { ("Form.MeasureNumber", "abc"), ("Form.MeasureNumber", "99"), ("Form.MeasureNumber", "2"), ("Form.MeasureNumber", "99999999999") })
            answers.Add(($"{name}={value}", (await Post(Set(Set(stopCheck, "Form.Finding", "看过"), name, value))).Status));

        Assert.All(answers, a => Assert.True(a.Status < 500, $"{a.What}: {a.Status}"));
        var file = await _cases.As(Wuzhong).GetCaseFileAsync(new GetCaseFileRequest { Id = c.Id });
        Assert.Empty(file.Accountability);
        Assert.All(file.Measures, m => Assert.Null(m.VerifiedAt));
    }

    private static string Set(string form, string name, string value)
    {
        var fields = System.Web.HttpUtility.ParseQueryString(form);
        fields[name] = value;
        return fields.ToString()!;
    }
}
