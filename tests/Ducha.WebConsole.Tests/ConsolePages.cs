using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>What a person does on the console's pages, in the words of the pages.</summary>
public static class ConsolePages
{
    /// <summary>
    /// Signs in through the page: picks the place down the tree by its codes (province, city, county), then the role, the
    /// unit for a handler, and a name.
    /// </summary>
    /// <param name="role">The role's choice as the page labels it (组织部); none: the office, or a handler with <paramref name="unit"/>.</param>
    public static async Task SignInAsync(this IPage page, string[] path, string name, string? unit = null, string? role = null)
    {
        await page.GotoAsync("/signin", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        foreach (var code in path)
        {
            await page.GetByLabel(page.Url.Contains("code=", StringComparison.Ordinal) ? "下级行政区" : "省份").SelectOptionAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "选择" }).ClickAsync();
            await page.ArrivesAtAsync($"**/signin?code={code}*");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名", Exact = true }).WaitForAsync();
        }
        if (unit is not null)
        {
            await page.GetByLabel("承办单位", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("承办单位（").SelectOptionAsync(unit);
        }
        if (role is not null) await page.GetByLabel(role).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名", Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    // Arriving is the browser's address, polled, not a wait on Playwright's load states: its WaitForURLAsync, when the
    // address already matches, waits for the page's load event whatever WaitUntil says (Commit maps to Load there), and
    // three times in CI it saw the new page go network-idle but never saw its load event, and waited out its 30 s.
    // What a test does next waits for the content it needs (locators and Expect wait for the DOM, not for events).
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the browser's address matches <paramref name="url"/>, a glob: ** spans slashes, * does not.</summary>
    public static Task ArrivesAtAsync(this IPage page, string url)
    {
        var pattern = new Regex("^" + string.Join(".*", url.Split("**").Select(part =>
            string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))) + "$");
        return PollAddressAsync(page, pattern.IsMatch, url);
    }

    public static Task ArrivesAtAsync(this IPage page, Regex url) => PollAddressAsync(page, url.IsMatch, url.ToString());

    public static Task ArrivesAtAsync(this IPage page, Func<string, bool> url) => PollAddressAsync(page, url, "the expected page");

    private static async Task PollAddressAsync(IPage page, Func<string, bool> arrived, string expected)
    {
        var waited = Stopwatch.StartNew();
        while (!arrived(page.Url))
        {
            if (waited.Elapsed > ArrivalTimeout)
                throw new TimeoutException($"The browser did not arrive at {expected} within {ArrivalTimeout.TotalSeconds} s; it is at {page.Url}.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, name + ".png"), FullPage = true });
}
