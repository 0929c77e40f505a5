using System.Net;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Services.Tests;

/// <summary>Real tokens against the running host: every caller reaches its own subtree and nothing else.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class IdentityTests(StandaloneFixture host)
{
    private const string Huqiu = "320505";   // 虎丘区
    private const string Wuzhong = "320506"; // 吴中区, its sibling
    private const string Suzhou = "320500";
    private const string Wuxi = "320200";
    private const string Jiangsu = "320000";
    private const string Zhejiang = "330000";

    private Ducha.Contracts.Cases.V1.Cases.CasesClient CasesAs(string jurisdiction) => new(host.As(jurisdiction));

    [Fact]
    public async Task A_county_token_can_neither_write_nor_read_a_sibling_county()
    {
        var wuzhongCase = await CasesAs(Wuzhong).CreateCaseAsync(CasesApiTests.ValidCase(Wuzhong));
        var huqiu = CasesAs(Huqiu);

        var write = await Assert.ThrowsAsync<RpcException>(() => huqiu.CreateCaseAsync(CasesApiTests.ValidCase(Wuzhong)).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => huqiu.GetCaseAsync(new GetCaseRequest { Id = wuzhongCase.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Contains(Wuzhong, read.Status.Detail);
        Assert.NotNull(await huqiu.CreateCaseAsync(CasesApiTests.ValidCase(Huqiu)));
    }

    [Fact]
    public async Task A_city_token_reaches_its_counties_but_not_another_city()
    {
        var suzhou = CasesAs(Suzhou);

        var created = await suzhou.CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        var countyCase = await CasesAs(Wuzhong).CreateCaseAsync(CasesApiTests.ValidCase(Wuzhong));
        var wuxiCase = await CasesAs(Wuxi).CreateCaseAsync(CasesApiTests.ValidCase("320205"));

        Assert.Equal(Huqiu, (await suzhou.GetCaseAsync(new GetCaseRequest { Id = created.Id })).JurisdictionCode);
        Assert.Equal(Wuzhong, (await suzhou.GetCaseAsync(new GetCaseRequest { Id = countyCase.Id })).JurisdictionCode);
        var denied = await Assert.ThrowsAsync<RpcException>(() => suzhou.GetCaseAsync(new GetCaseRequest { Id = wuxiCase.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task A_province_token_reaches_all_of_its_province_and_no_other()
    {
        var countyCase = await CasesAs(Huqiu).CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        var jiangsu = CasesAs(Jiangsu);

        Assert.Equal(countyCase.Id, (await jiangsu.GetCaseAsync(new GetCaseRequest { Id = countyCase.Id })).Id);
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => jiangsu.CreateCaseAsync(CasesApiTests.ValidCase("330102")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
        Assert.NotNull(await CasesAs(Zhejiang).CreateCaseAsync(CasesApiTests.ValidCase("330102")));
    }

    [Fact]
    public async Task Counts_are_limited_to_the_callers_subtree()
    {
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As(Huqiu));
        await CasesAs(Wuzhong).CreateCaseAsync(CasesApiTests.ValidCase(Wuzhong));
        await new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As(Wuzhong)).GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest());

        var visible = await disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest());
        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = Wuzhong }).ResponseAsync);

        Assert.All(visible.Counts, c => Assert.Equal(Huqiu, c.JurisdictionCode));
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var anonymous = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => anonymous.CreateCaseAsync(CasesApiTests.ValidCase()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_token_with_a_wrong_signature_is_unauthenticated()
    {
        var otherKey = new SymmetricSecurityKey(new byte[32]) { KeyId = "ducha" };
        var forger = new TokenIssuer(new SigningCredentials(otherKey, SecurityAlgorithms.HmacSha256), new IdentityOptions(),
            Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), TimeProvider.System);
        var forged = host.Channel.Intercept(m => { m.Add("Authorization", "Bearer " + forger.Issue(Jiangsu, "admin", "forger")); return m; });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Cases.V1.Cases.CasesClient(forged).CreateCaseAsync(CasesApiTests.ValidCase()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task REST_answers_401_without_a_token_or_with_a_forged_one_and_names_the_caller_with_a_good_one()
    {
        var otherKey = new SymmetricSecurityKey(Enumerable.Repeat((byte)7, 32).ToArray()) { KeyId = "ducha" };
        var forged = new TokenIssuer(new SigningCredentials(otherKey, SecurityAlgorithms.HmacSha256), new IdentityOptions(),
            Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), TimeProvider.System).Issue(Jiangsu, "admin", "forger");

        using var none = await Me(null);
        using var bad = await Me(forged);
        using var good = await Me(host.Tokens.Issue(Suzhou, "assessor", "评估员"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var me = JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Suzhou, me.GetProperty("jurisdictionCode").GetString());
        Assert.Equal("city", me.GetProperty("level").GetString());
        Assert.Equal("assessor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_unknown_jurisdiction_is_bad_input_not_a_permission_question()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CasesAs(Jiangsu).CreateCaseAsync(CasesApiTests.ValidCase("329999")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("jurisdiction_code", error.Status.Detail);
    }

    [Fact]
    public async Task The_development_issuer_mints_tokens_that_the_services_accept()
    {
        using var response = await host.Http.PostAsync($"/dev/tokens?jurisdiction={Suzhou}&role=office", null);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        var client = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Channel.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; }));
        using var refused = await host.Http.PostAsync("/dev/tokens?jurisdiction=000000&role=office", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await client.CreateCaseAsync(CasesApiTests.ValidCase(Huqiu)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_services_remember_a_token_they_took_and_never_one_they_refused()
    {
        var remembered = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers.OfType<RememberingTokenHandler>().Single();
        var token = host.Tokens.Issue(Suzhou, "office", $"remembered-{Guid.NewGuid():N}");
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.False(remembered.Remembers(token));

        using var first = await Me(token);
        using var second = await Me(token);
        using var refused = await Me(tampered);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(remembered.Remembers(token));
        Assert.False(remembered.Remembers(tampered));
    }

    private async Task<HttpResponseMessage> Me(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}
