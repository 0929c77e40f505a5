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
    [InlineData("exposure", 1366, 768)]
    [InlineData("exposure", 390, 844)]
    [InlineData("exposure-week", 1366, 768)]
    [InlineData("exposure-week", 390, 844)]
    [InlineData("follow-ups", 1366, 768)]
    [InlineData("follow-ups", 390, 844)]
    [InlineData("follow-up", 1366, 768)]
    [InlineData("follow-up", 390, 844)]
    public async Task A_page_has_no_serious_or_critical_violation(string which, int width, int height)
    {
        var page = await host.NewPageAsync(width, height);
        switch (which)
        {
            case "signin": await page.GotoAsync("/signin"); break;
            case "signin-place": await page.GotoAsync("/signin?code=320506"); break;
            case "exposure" or "exposure-week" or "follow-ups" or "follow-up": await ExposureScene.OpenAsync(host, page, which); break;
            default: await page.SignInAsync(["320000", "320500", "320506"], "无障碍检查"); break;
        }

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
