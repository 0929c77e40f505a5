using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (the browsers Playwright would download cannot be fetched here), one per
/// fixture; each page opens in a fresh context, so with cookies of its own, in Chinese, at the size asked.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return new(playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] }));
    }

    public async Task<IPage> NewPageAsync(Uri address, int width, int height)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
