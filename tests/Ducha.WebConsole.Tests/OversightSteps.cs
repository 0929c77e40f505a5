using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>督 and 问责 on the case page, in the page's own words.</summary>
public static class OversightSteps
{
    /// <summary>The oversight forms are folded under their headings; a click on one opens it.</summary>
    public static Task OpenAsync(this IPage page, string heading) =>
        page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 }).ClickAsync();

    public static ILocator ActionHeading(this IPage page, string heading) =>
        page.Locator(".case-actions").GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 });

    public static ILocator Records(this IPage page) => page.Locator(".records");

    public static ILocator Person(this IPage page, int number) => page.GetByRole(AriaRole.Group, new() { Name = $"第 {number} 人", Exact = true });

    public static async Task SuperviseAsync(this IPage page, string kind, string? leader, string? note)
    {
        await page.OpenAsync("督办");
        await page.GetByLabel("督办方式").SelectOptionAsync(new SelectOptionValue { Label = kind });
        if (leader is not null) await page.GetByLabel("督办领导（").FillAsync(leader);
        if (note is not null) await page.GetByLabel("督办要求（").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "督办", Exact = true }).ClickAsync();
    }

    public static async Task FillPersonAsync(this IPage page, int number, string name, string position, string rank, string sanction, string? toleratedBecause = null)
    {
        var row = page.Person(number);
        await row.GetByLabel("姓名").FillAsync(name);
        await row.GetByLabel("职务").FillAsync(position);
        await row.GetByLabel("职级").SelectOptionAsync(new SelectOptionValue { Label = rank });
        await row.GetByLabel("处理方式").SelectOptionAsync(new SelectOptionValue { Label = sanction });
        if (toleratedBecause is null) return;
        await row.GetByLabel("容错免责", new() { Exact = true }).CheckAsync();
        if (toleratedBecause.Length > 0) await row.GetByLabel("容错理由（").FillAsync(toleratedBecause);
    }
}
