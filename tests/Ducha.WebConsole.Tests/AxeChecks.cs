using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>axe-core on the page as it stands: nothing serious or critical for keyboard and screen-reader users.</summary>
public static class AxeChecks
{
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }
}
