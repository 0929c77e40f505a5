using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using static Ducha.WebConsole.Tests.OversightSetup;

namespace Ducha.WebConsole.Tests;

/// <summary>axe-core on each page: nothing serious or critical for keyboard and screen-reader users.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture host)
{
    [Fact]
    public async Task The_skip_link_moves_to_the_main_content_of_the_page_it_is_on()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查");
        await page.GotoAsync("/cases?status=open");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // A page-relative fragment, not the home page's: the clerk stays on the list they were reading.
        await page.ArrivesAtAsync("**/cases?status=open#main");
    }

    [Theory]
    [InlineData("signin", 1366, 768)]
    [InlineData("signin-place", 1366, 768)]
    [InlineData("inbox", 1366, 768)]
    [InlineData("inbox", 390, 844)]
    [InlineData("disclosure", 1366, 768)]
    [InlineData("disclosure", 390, 844)]
    [InlineData("bulletin", 1366, 768)]
    [InlineData("bulletin", 390, 844)]
    [InlineData("exposure", 1366, 768)]
    [InlineData("exposure", 390, 844)]
    [InlineData("exposure-week", 1366, 768)]
    [InlineData("exposure-week", 390, 844)]
    [InlineData("follow-ups", 1366, 768)]
    [InlineData("follow-ups", 390, 844)]
    [InlineData("follow-up", 1366, 768)]
    [InlineData("follow-up", 390, 844)]
    [InlineData("assessment", 1366, 768)]
    [InlineData("assessment", 390, 844)]
    [InlineData("assessment-scheme", 1366, 768)]
    [InlineData("assessment-scheme", 390, 844)]
    [InlineData("assessment-indicators", 1366, 768)]
    [InlineData("assessment-indicators", 390, 844)]
    [InlineData("assessment-sheet", 1366, 768)]
    [InlineData("assessment-sheet", 390, 844)]
    [InlineData("assessment-rankings", 1366, 768)]
    [InlineData("assessment-rankings", 390, 844)]
    [InlineData("secondment-roster", 1366, 768)]
    [InlineData("secondment-roster", 390, 844)]
    [InlineData("secondment-assessments", 1366, 768)]
    [InlineData("secondment-assessments", 390, 844)]
    [InlineData("secondment-organization", 1366, 768)]
    [InlineData("secondment-organization", 390, 844)]
    [InlineData("secondment-supervision", 1366, 768)]
    [InlineData("secondment-supervision", 390, 844)]
    [InlineData("secondment-draws", 1366, 768)]
    [InlineData("secondment-draws", 390, 844)]
    [InlineData("secondment-draw", 1366, 768)]
    [InlineData("secondment-draw", 390, 844)]
    public async Task A_page_has_no_serious_or_critical_violation(string which, int width, int height)
    {
        var page = await host.NewPageAsync(width, height);
        switch (which)
        {
            case "signin": await page.GotoAsync("/signin"); break;
            case "signin-place": await page.GotoAsync("/signin?code=320506"); break;
            case "disclosure":
                await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查");
                await page.GotoAsync("/disclosure");
                break;
            case "bulletin":
                var id = await DraftWithACaseAsync();
                await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查");
                await page.GotoAsync($"/disclosure/bulletins/{id}");
                break;
            case "exposure" or "exposure-week" or "follow-ups" or "follow-up": await ExposureScene.OpenAsync(host, page, which); break;
            case var assessment when assessment.StartsWith("assessment", StringComparison.Ordinal): await AssessmentScene.OpenAsync(host, page, which); break;
            case var secondment when secondment.StartsWith("secondment", StringComparison.Ordinal): await SecondmentShowcase.OpenAsync(host, page, which); break;
            default: await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查"); break;
        }

        await page.AssertNoSeriousViolationsAsync();
    }

    /// <summary>
    /// Every page the navigation offers an office of each level, at a laptop's size and a phone's: a page added to the
    /// navigation is scanned without anyone listing it here.
    /// </summary>
    [Theory]
    [InlineData(new[] { "320000" }, 1366, 768)]
    [InlineData(new[] { "320000", "320500" }, 390, 844)]
    [InlineData(new[] { "320000", "320500", "320506" }, 1366, 768)]
    public async Task Every_page_in_the_navigation_has_no_serious_or_critical_violation(string[] path, int width, int height)
    {
        var page = await host.NewPageAsync(width, height);
        await page.SignInAsync(path, "无障碍巡检");
        var links = await page.Locator("nav.nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(links.Length >= 4, string.Join(", ", links));

        foreach (var link in links)
        {
            var response = await page.GotoAsync(link);
            Assert.Equal(200, response!.Status);
            await page.AssertNoSeriousViolationsAsync();
        }
    }

    /// <summary>
    /// The case page at its fullest: a city office on a reported case with a supervision, a stop order still to check,
    /// accountability and a clue in the file, and its four oversight forms opened — kept as screenshots to look at.
    /// </summary>
    [Theory]
    [InlineData(1366, 768, "case-oversight-1366x768")]
    [InlineData(390, 844, "case-oversight-390")]
    public async Task The_case_page_with_its_oversight_records_and_forms_open_has_no_serious_or_critical_violation(int width, int height, string shot)
    {
        var cases = new OversightSetup(host);
        var c = await cases.ReportedWithStopOrderAsync("吴中某漂染厂");
        await cases.As(Suzhou).SuperviseAsync(new SuperviseRequest { CaseId = c.Id, Kind = SupervisionKind.Ownership, Leader = "王副市长", Note = "包案到底，十日内报结果" });
        await cases.As(Wuzhong).RecordAccountabilityAsync(new RecordAccountabilityRequest
        {
            CaseId = c.Id,
            People =
            {
                new AccountablePerson { Name = "张某", Position = "木渎镇副镇长", Rank = CadreRank.Section, Sanction = Sanction.Admonition },
                new AccountablePerson { Name = "李某", Position = "吴中区水务局副局长", Rank = CadreRank.Section, Sanction = Sanction.Criticism,
                    FaultTolerated = true, FaultToleranceReason = "已按程序履职，设施故障系暴雨所致" },
            },
        });
        await cases.As(Wuzhong).ReferClueAsync(new ReferClueRequest { CaseId = c.Id, Summary = "木渎镇对该厂偷排问题长期失管，涉嫌失职失责" });
        var page = await host.NewPageAsync(width, height);
        await page.ActAsAsync(City, "市办李科", c.Id);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, shot + "-first-screen.png") });
        foreach (var heading in new[] { "停产/关停措施核查", "督办", "问责", "问题线索移送" })
            await page.OpenAsync(heading);
        await Assertions.Expect(page.GetByLabel("督办方式")).ToBeVisibleAsync();

        await page.ScreenshotAsync(shot);
        // The parts at a readable scale, to look at beside the whole page.
        await page.Records().ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, shot + "-records.png") });
        await page.Locator(".case-actions").ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, shot + "-actions.png") });
        await page.AssertNoSeriousViolationsAsync();
    }

    /// <summary>吴中区's draft for today, with a case in its table: the bulletin page with everything it draws.</summary>
    private async Task<string> DraftWithACaseAsync()
    {
        var steps = new DisclosurePageSteps(host, "320000", "320500", "320506", "吴中区");
        await steps.AtCountyAsync($"吴中某漂染厂{Guid.NewGuid().ToString("N")[..6]}");
        await steps.SummaryWhenAsync(s => s.Transferred > 0);
        return (await steps.DraftAsync()).Id;
    }
}
