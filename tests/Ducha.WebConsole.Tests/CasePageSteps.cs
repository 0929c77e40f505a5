using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>What a person does on the case page, in the page's own words.</summary>
public static class CasePageSteps
{
    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.ArrivesAtAsync("**/signin");
    }

    /// <summary>Signs out whoever is signed in, signs in as <paramref name="path"/>'s office (or a unit there) and opens the case.</summary>
    public static async Task ActAsAsync(this IPage page, string[] path, string name, string caseId, string? unit = null)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal) && page.Url != "about:blank") await page.SignOutAsync();
        await page.SignInAsync(path, name, unit);
        await page.GotoAsync($"/cases/{caseId}");
    }

    public static ILocator Confirmation(this IPage page) => page.Locator(".confirmation");

    public static async Task AssignAsync(this IPage page, string target, string? workingDays = null)
    {
        await page.GetByLabel("交办对象").SelectOptionAsync(target);
        if (workingDays is not null) await page.GetByLabel("办理期限（工作日）").FillAsync(workingDays);
        await page.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
    }

    public static async Task ReportRectifiedNowAsync(this IPage page, string findings, string result)
    {
        await page.GetByLabel("调查核实情况").FillAsync(findings);
        await page.GetByLabel("处理结果").FillAsync(result);
        await page.GetByLabel("已立行立改").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "上报", Exact = true }).ClickAsync();
    }

    public static async Task VerifyAcceptAsync(this IPage page, string method = "OnSite")
    {
        await page.GetByLabel("通过", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("核查方式").SelectOptionAsync(method);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交核查结论" }).ClickAsync();
    }

    public static async Task CloseSatisfiedAsync(this IPage page)
    {
        foreach (var attested in new[] { "问题查清", "整改到位", "责任落实", "群众满意" })
            await page.GetByLabel(attested, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("回访结果").SelectOptionAsync("Satisfied");
        await page.GetByRole(AriaRole.Button, new() { Name = "销号", Exact = true }).ClickAsync();
    }
}
