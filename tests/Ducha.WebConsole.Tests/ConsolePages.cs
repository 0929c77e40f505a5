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
            // Waits for the next page's form rather than its load event: a stalled stylesheet or script must not hang a
            // sign-in whose form is already there.
            await page.WaitForURLAsync($"**/signin?code={code}*", new() { WaitUntil = WaitUntilState.Commit });
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
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, name + ".png"), FullPage = true });
}
