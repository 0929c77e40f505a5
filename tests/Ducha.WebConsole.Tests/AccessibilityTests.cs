using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>axe-core on each page: nothing serious or critical for keyboard and screen-reader users.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture host)
{
    [Theory]
    [InlineData("signin", 1366, 768)]
    [InlineData("signin-place", 1366, 768)]
    [InlineData("inbox", 1366, 768)]
    [InlineData("inbox", 390, 844)]
    [InlineData("disclosure", 1366, 768)]
    [InlineData("disclosure", 390, 844)]
    [InlineData("bulletin", 1366, 768)]
    [InlineData("bulletin", 390, 844)]
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
            default: await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查"); break;
        }

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
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
