using Ducha.Contracts.Cases.V1;
using Ducha.Testing.IdentityProvider;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>Production sign-in: through the province's identity provider, the token kept and renewed on the server.</summary>
[Collection(ProviderConsoleCollection.Name)]
public sealed class ProviderSignInTests(ProviderConsoleFixture host)
{
    private static readonly ProvincePerson ProvinceClerk = new("p-js-01", "赵敏", "320000", "province", "office");
    private static readonly ProvincePerson CityClerk = new("p-sz-01", "钱军", "320500", "city", "office");
    private static readonly ProvincePerson WuzhongClerk = new("p-wz-01", "李娜", "320506", "county", "office");

    /// <summary>Received by the province and assigned down to 吴中区 through 苏州市, with the provider's tokens.</summary>
    private async Task<Case> AtWuzhongAsync()
    {
        var province = new CasesClient(await host.AsAsync(ProvinceClerk));
        var received = await province.CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320506", Address = "某镇某村工业区", Polluter = $"吴中某电镀厂{Guid.NewGuid().ToString("N")[..6]}",
            PollutionType = PollutionType.Water, Description = "夜间偷排电镀废水", Channel = Channel.Hotline12369,
        });
        await province.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        return await new CasesClient(await host.AsAsync(CityClerk)).AssignDownAsync(new AssignDownRequest
            { CaseId = received.Id, ToJurisdictionCode = "320506", WorkingDays = 9 });
    }

    private async Task<IPage> SignInAtProviderAsync(ProvincePerson person)
    {
        host.Provider.SignsInAs = person;
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.ArrivesAtAsync("**/signin**");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过省统一身份认证平台登录" }).ClickAsync();
        await page.ArrivesAtAsync(url => url.StartsWith(host.Address.ToString(), StringComparison.Ordinal) && !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task A_clerk_signs_in_at_the_provider_and_the_inbox_is_read_with_the_providers_token()
    {
        var held = await AtWuzhongAsync();

        var page = await SignInAtProviderAsync(WuzhongClerk);

        await Assertions.Expect(page.Locator($"tr[data-case-id='{held.Id}']")).ToContainTextAsync(held.Polluter);
        var who = page.GetByRole(AriaRole.Region, new() { Name = "当前登录" });
        await Assertions.Expect(who).ToContainTextAsync("李娜");
        await Assertions.Expect(who).ToContainTextAsync("江苏省苏州市吴中区");
        await Assertions.Expect(who).ToContainTextAsync("办公室");
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "ducha.console");
        Assert.True(session.HttpOnly);
        Assert.DoesNotContain("eyJ", session.Value, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Artifacts, "inbox-provider-signin.png"), FullPage = true });
    }

    [Fact]
    public async Task Outside_Development_the_sign_in_page_offers_only_the_provider()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/signin");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "通过省统一身份认证平台登录" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("省份")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_session_renews_its_token_with_the_refresh_token_before_it_runs_out()
    {
        var held = await AtWuzhongAsync();
        var page = await SignInAtProviderAsync(WuzhongClerk);
        var refreshesBefore = host.Provider.Refreshes;

        // The token lasts 65 s and is renewed from one minute before its end: a page a few seconds later renews it.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await page.ReloadAsync();

        Assert.DoesNotContain("/signin", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"tr[data-case-id='{held.Id}']")).ToContainTextAsync(held.Polluter);
        Assert.True(host.Provider.Refreshes > refreshesBefore, "the session did not redeem its refresh token");
    }

    [Fact]
    public async Task A_person_the_provider_knows_but_Ducha_cannot_place_gets_no_session()
    {
        host.Provider.SignsInAs = WuzhongClerk with { Subject = "p-x-09", Duty = "superuser" };
        var page = await host.NewPageAsync();
        await page.GotoAsync("/signin");

        await page.GetByRole(AriaRole.Button, new() { Name = "通过省统一身份认证平台登录" }).ClickAsync();
        await page.ArrivesAtAsync("**/signin?failed=1");

        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("岗位信息");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "ducha.console");
    }
}
