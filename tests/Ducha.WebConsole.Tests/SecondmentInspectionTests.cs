using Ducha.Contracts.Secondment.V1;
using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.SecondmentRosterTests;
using static Ducha.WebConsole.Tests.SecondmentScene;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 宁波市's inspection through the pages: its organization set and shown (and a stale save refused in words), a
/// supervision request filed about a case and resolved, and a 双随机 draw made, given findings, revealed and verified.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SecondmentInspectionTests(ConsoleFixture host)
{
    private readonly SecondmentScene _scene = new(host, Ningbo);

    [Fact]
    public async Task The_organization_set_through_the_page_is_shown_group_by_group_and_a_stale_save_is_refused()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波督察办");
        await page.GotoAsync("/secondment/organization");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("本级尚未设置");

        var form = Form(page, "设置督察组织");
        await form.GetByLabel("领导小组 · 成员").FillAsync("组长 王明 宁波市人民政府\n常务副组长 李华 宁波市生态环境局");
        await form.GetByLabel("综合巡查组 · 成员").FillAsync("组长 张强 宁波市生态环境局\n陈海 海曙区生态环境局");
        await form.GetByLabel("督办监察组 · 职责").FillAsync("受理监察申请\n检查问责落实情况");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存督察组织" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("督察组织已保存。");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("第 1 版");
        var leading = page.Locator("section.group[data-group='Leading']");
        await Assertions.Expect(leading.GetByRole(AriaRole.Heading, new() { Name = "领导小组" })).ToBeVisibleAsync();
        await Assertions.Expect(leading.Locator("tbody tr").Nth(0)).ToHaveTextAsync("组长王明宁波市人民政府");
        await Assertions.Expect(leading.Locator("tbody tr").Nth(1)).ToHaveTextAsync("常务副组长李华宁波市生态环境局");
        var patrol = page.Locator("section.group[data-group='ComprehensivePatrol']");
        await Assertions.Expect(patrol.Locator("tbody tr").Nth(1)).ToHaveTextAsync("成员陈海海曙区生态环境局");
        await Assertions.Expect(page.Locator("section.group[data-group='SupervisionDiscipline'] .duties li")).ToHaveTextAsync(["受理监察申请", "检查问责落实情况"]);
        await Assertions.Expect(page.Locator("section.group[data-group='Coordination'] .duties li").First).ToContainTextAsync("组织协调");
        await page.ScreenshotAsync("secondment-organization-1366x768");

        // Someone else saves in between: the page's revision is stale, and saving it says so, keeping what was typed.
        var current = await _scene.Office.GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Ningbo });
        await _scene.Office.SetOrganizationAsync(new SetOrganizationRequest { JurisdictionCode = Ningbo, Revision = current.Revision, Groups = { current.Groups } });
        form = Form(page, "设置督察组织");
        await form.GetByLabel("领导小组 · 成员").FillAsync("组长 赵刚 宁波市人民政府");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存督察组织" }).ClickAsync();
        form = Form(page, "设置督察组织");
        await Assertions.Expect(form.Locator(".refusal")).ToContainTextAsync("督察组织刚被他人更新，请刷新后重试");
        await Assertions.Expect(form.GetByLabel("领导小组 · 成员")).ToHaveValueAsync("组长 赵刚 宁波市人民政府");
        await Assertions.Expect(page.Locator("section.group[data-group='Leading']")).ToContainTextAsync("王明");
    }

    [Fact]
    public async Task Two_leaders_of_a_group_are_refused_beside_its_members_with_the_lines_kept()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波督察办");
        await page.GotoAsync("/secondment/organization");

        // 信访督办组 left empty is not sent, so the service's groups[3] is the form's fifth group, 督办监察组.
        var form = Form(page, "设置督察组织");
        await form.GetByLabel("领导小组 · 成员").FillAsync("组长 王明 宁波市人民政府");
        await form.GetByLabel("信访督办组 · 职责").FillAsync("");
        await form.GetByLabel("督办监察组 · 成员").FillAsync("组长 孙亮 宁波市纪委\n组长 周敏 宁波市监委");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存督察组织" }).ClickAsync();

        form = Form(page, "设置督察组织");
        await Assertions.Expect(form.Locator(".refusal")).ToContainTextAsync("填写内容有误，抽调服务未受理");
        await Assertions.Expect(page.Locator("#set-organization-groups-4-members-error")).ToHaveTextAsync("每组至多一名组长（现填 2 名）");
        await Assertions.Expect(form.GetByLabel("督办监察组 · 成员")).ToHaveValueAsync("组长 孙亮 宁波市纪委\n组长 周敏 宁波市监委");
        await Assertions.Expect(form.GetByLabel("督办监察组 · 成员")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#set-organization-groups-0-members-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_supervision_request_filed_about_a_case_is_listed_with_its_deadline_and_resolved_with_its_outcome()
    {
        var caseId = await _scene.CaseAsync(Haishu, "海曙某印染厂");
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波督察办");
        await page.GotoAsync("/secondment/supervision");

        var file = Form(page, "提出监察申请");
        await file.GetByLabel("案件编号").FillAsync(caseId);
        await file.GetByLabel("提出的工作组").SelectOptionAsync(new SelectOptionValue { Label = "信访督办组" });
        await file.GetByLabel("事由").SelectOptionAsync(new SelectOptionValue { Label = "逾期未办结" });
        await file.GetByLabel("具体情况（必填）").FillAsync("交办已逾期，承办单位未报送办理情况");
        await file.GetByRole(AriaRole.Button, new() { Name = "提出申请" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("监察申请已提出");
        var row = Row(page, "supervision", caseId);
        await Assertions.Expect(row).ToContainTextAsync("信访督办组");
        await Assertions.Expect(row).ToContainTextAsync("逾期未办结");
        await Assertions.Expect(row.Locator("td[data-deadline] time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2024年10月\d+日$"));
        await Assertions.Expect(row.Locator("td[data-deadline] [data-left]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^剩余 \d+ 个工作日$"));
        await Assertions.Expect(row.Locator("td[data-outcome]")).ToHaveTextAsync("办理中");
        await Assertions.Expect(row).Not.ToHaveClassAsync("overdue");

        var resolve = Form(page, "办结监察申请");
        await resolve.GetByLabel("办理结果（必填）").FillAsync("约谈海曙区生态环境局负责人，限期三日办结");
        await resolve.GetByLabel("已落实问责").CheckAsync();
        await resolve.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("监察申请已办结。");
        row = Row(page, "supervision", caseId);
        await Assertions.Expect(row.Locator("td[data-outcome]")).ToContainTextAsync("已办结：约谈海曙区生态环境局负责人，限期三日办结");
        await Assertions.Expect(row.Locator("td[data-outcome]")).ToContainTextAsync("已落实问责");
        await page.ScreenshotAsync("secondment-supervision-1366x768");
        await row.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        await page.ArrivesAtAsync($"**/cases/{caseId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("海曙某印染厂");
    }

    [Fact]
    public async Task A_draw_made_through_the_pages_takes_findings_is_revealed_and_verifies()
    {
        await _scene.RegistersAsync(Haishu, "海曙区", 12, 6, (Jiangbei, "江北区"), (Beilun, "北仑区"));
        var round = "2024-第3轮-" + Guid.NewGuid().ToString("N")[..4];
        var page = await host.NewPageAsync();
        await page.SignInAsync(_scene.CityPath, "宁波督察办");
        await page.GotoAsync("/secondment/draws");
        await Assertions.Expect(page.Locator("table.targets tbody tr").First).ToBeVisibleAsync();

        var make = Form(page, "双随机抽取");
        await make.GetByLabel("轮次").FillAsync(round);
        await make.GetByLabel("抽取对象数").FillAsync("6");
        await make.GetByLabel("检查组数").FillAsync("2");
        await make.GetByLabel("每组人数").FillAsync("2");
        await make.GetByRole(AriaRole.Button, new() { Name = "抽取" }).ClickAsync();

        await page.ArrivesAtAsync("**/secondment/draws/*?done=drawn");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"双随机抽取 · {round}");
        await Assertions.Expect(page.Locator("code[data-commitment]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Assertions.Expect(page.Locator("code[data-seed]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.pairs tbody tr")).ToHaveCountAsync(6);
        var first = await page.Locator("table.pairs tbody tr").First.GetAttributeAsync("data-target");

        var finding = Form(page, "记录检查结果");
        await finding.GetByLabel("检查对象").SelectOptionAsync(new SelectOptionValue { Label = $"{first}（第 1 组）" });
        await finding.GetByLabel("检查结果（必填）").FillAsync("废气处理设施停运，责令整改");
        await finding.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToHaveTextAsync("检查结果已记录。");
        await Assertions.Expect(page.Locator($"table.pairs tr[data-target='{first}'] td[data-findings]")).ToHaveTextAsync("废气处理设施停运，责令整改");

        // Every target's findings before the reveal: the rest recorded over gRPC, the page says how many are missing till then.
        var drawId = page.Url.Split('/')[^1].Split('?')[0];
        await Assertions.Expect(Form(page, "公开抽取结果")).ToContainTextAsync("还有 5 个检查对象未记录检查结果");
        var office = _scene.Office;
        foreach (var pair in (await office.GetDrawAsync(new GetDrawRequest { Id = drawId })).Pairs.Where(p => p.Findings.Length == 0))
            await office.RecordFindingAsync(new RecordFindingRequest { Id = drawId, TargetId = pair.TargetId, Findings = "未发现问题" });
        await page.ReloadAsync();

        var reveal = Form(page, "公开抽取结果");
        await reveal.GetByLabel("已核对，确认公开").CheckAsync();
        await reveal.GetByRole(AriaRole.Button, new() { Name = "公开" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("抽取结果已公开");
        await Assertions.Expect(page.Locator("code[data-seed]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "向社会公开的抽取页面" })).ToHaveAttributeAsync("href", $"/public/draws/{drawId}");
        await Assertions.Expect(Form(page, "公开抽取结果")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-verification]")).ToHaveAttributeAsync("data-verification", "valid");
        await Assertions.Expect(page.Locator("[data-verification]")).ToContainTextAsync("核验通过");
        await page.ScreenshotAsync("secondment-draw-1366x768");

        // Disclosure publishes the revealed draw from the event: its public page shows the same seed.
        var seed = await page.Locator("code[data-seed]").InnerTextAsync();
        var published = await Eventually(async () => await page.APIRequest.GetAsync($"/public/draws/{drawId}") is { Status: 200 } r ? await r.TextAsync() : null);
        Assert.Contains(seed, published, StringComparison.Ordinal);

        await page.GotoAsync("/secondment/draws");
        await Assertions.Expect(page.Locator("ul.draws li").Filter(new() { HasText = round })).ToContainTextAsync("已公开");

        // The round drawn again without a reason: the rule's words beside the field, what was typed kept.
        make = Form(page, "双随机抽取");
        await make.GetByLabel("轮次").FillAsync(round);
        await make.GetByLabel("抽取对象数").FillAsync("3");
        await make.GetByRole(AriaRole.Button, new() { Name = "抽取" }).ClickAsync();
        await Assertions.Expect(page.Locator("#make-draw-redrawreason-error")).ToContainTextAsync("重新抽取须说明理由");
        await Assertions.Expect(Form(page, "双随机抽取").GetByLabel("轮次")).ToHaveValueAsync(round);
        await Assertions.Expect(Form(page, "双随机抽取").GetByLabel("抽取对象数")).ToHaveValueAsync("3");
    }

    private static async Task<string> Eventually(Func<Task<string?>> read)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await read() is { } value) return value;
            await Task.Delay(200);
        }
        throw new TimeoutException("the public draw page did not appear within ten seconds");
    }
}
