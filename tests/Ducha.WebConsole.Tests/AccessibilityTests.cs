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
    public async Task A_page_has_no_serious_or_critical_violation(string which, int width, int height)
    {
        var page = await host.NewPageAsync(width, height);
        switch (which)
        {
            case "signin": await page.GotoAsync("/signin"); break;
            case "signin-place": await page.GotoAsync("/signin?code=320506"); break;
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
}
