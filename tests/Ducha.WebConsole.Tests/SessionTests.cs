using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>Sign-in, the session cookie and sign-out, as a browser sees them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SessionTests(ConsoleFixture host)
{
    [Fact]
    public async Task A_stranger_is_sent_to_sign_in()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync("signin-1366x768");
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_lax_and_short_and_holds_no_token()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(["320000", "320500", "320505"], "陈刚");

        var cookies = await page.Context.CookiesAsync();

        var session = Assert.Single(cookies, c => c.Name == "ducha.console");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        // A JWT starts with the base64 of '{"' (eyJ) and is several hundred characters; the cookie only names a ticket.
        Assert.DoesNotContain("eyJ", session.Value, StringComparison.Ordinal);
        Assert.True(session.Value.Length < 600, $"the cookie is {session.Value.Length} characters");
        Assert.Equal("no", await page.EvaluateAsync<string>("() => document.cookie.includes('ducha.console') ? 'yes' : 'no'"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(["320000"], "省办值班员");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.ArrivesAtAsync("**/signin");
        await page.GotoAsync("/");

        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "ducha.console");
    }
}
