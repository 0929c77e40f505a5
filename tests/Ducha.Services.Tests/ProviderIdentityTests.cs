using System.Net;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Secondment.V1;
using Ducha.Identity;
using Ducha.Testing;
using Ducha.Testing.IdentityProvider;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// The services outside Development with the province's identity provider: its tokens are checked against its published
/// keys and read as Ducha callers; anything it did not sign for Ducha, or signed too long ago, is Unauthenticated.
/// </summary>
[Collection(ProviderIdentityCollection.Name)]
public sealed class ProviderIdentityTests(ProviderIdentityFixture host)
{
    private static readonly ProvincePerson HuqiuClerk = new("p-huqiu-01", "陈刚", "320505", "county", "office");
    private static readonly ProvincePerson WuzhongClerk = new("p-wuzhong-01", "李娜", "320506", "county", "office");

    [Fact]
    public async Task A_county_office_token_from_the_provider_lists_its_cases_and_is_refused_a_sibling_countys()
    {
        var huqiu = new Ducha.Contracts.Cases.V1.Cases.CasesClient(await host.AsAsync(HuqiuClerk));
        var wuzhong = new Ducha.Contracts.Cases.V1.Cases.CasesClient(await host.AsAsync(WuzhongClerk));
        var own = await huqiu.CreateCaseAsync(CasesApiTests.ValidCase("320505"));
        var sibling = await wuzhong.CreateCaseAsync(CasesApiTests.ValidCase("320506"));

        var listed = await huqiu.ListCasesAsync(new ListCasesRequest { PageSize = 200 });
        var read = await Assert.ThrowsAsync<RpcException>(() => huqiu.GetCaseAsync(new GetCaseRequest { Id = sibling.Id }).ResponseAsync);
        var listSibling = await Assert.ThrowsAsync<RpcException>(() => huqiu.ListCasesAsync(new ListCasesRequest { JurisdictionCode = "320506" }).ResponseAsync);

        Assert.Contains(listed.Cases, c => c.Id == own.Id);
        Assert.DoesNotContain(listed.Cases, c => c.Id == sibling.Id);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, listSibling.StatusCode);
    }

    [Fact]
    public async Task The_providers_own_claim_names_are_read_as_jurisdiction_level_role_and_unit()
    {
        var handler = new ProvincePerson("p-huqiu-eeb-07", "王强", "320505", "county", "handler", "虎丘区生态环境局");

        using var response = await Me(await host.Provider.IssueAsync(handler));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("p-huqiu-eeb-07", me.GetProperty("subject").GetString());
        Assert.Equal("320505", me.GetProperty("jurisdictionCode").GetString());
        Assert.Equal("county", me.GetProperty("level").GetString());
        Assert.Equal("handler", me.GetProperty("role").GetString());
        Assert.Equal("虎丘区生态环境局", me.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_provider_token_that_claims_a_service_or_contradicts_the_tree_speaks_for_no_one()
    {
        using var service = await Me(await host.Provider.IssueAsync(HuqiuClerk with { Duty = "service" }));
        using var wrongLevel = await Me(await host.Provider.IssueAsync(HuqiuClerk with { Level = "province" }));

        Assert.Equal(HttpStatusCode.Forbidden, service.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongLevel.StatusCode);
    }

    public static TheoryData<string> Refused => new() { "unknown key", "expired", "another audience", "not a token", "development issuer" };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_the_provider_did_not_sign_for_Ducha_or_that_expired_is_unauthenticated(string kind)
    {
        var token = kind switch
        {
            "unknown key" => host.Provider.Forge(HuqiuClerk, key: ProvinceIdentityProvider.NewSigningCredentials()),
            "expired" => host.Provider.Forge(HuqiuClerk, expires: DateTime.UtcNow.AddMinutes(-5)),
            "another audience" => host.Provider.Forge(HuqiuClerk, audience: "another-system"),
            "not a token" => "not-a-token",
            // Signed with the published development key, which only Development trusts.
            _ => TokenIssuer.ForDevelopment().Issue("320505", "office", "developer"),
        };
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.With(token));

        var error = await Assert.ThrowsAsync<RpcException>(() => cases.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        using var rest = await Me(token);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_development_issuer()
    {
        using var response = await host.Http.PostAsync("/dev/tokens?jurisdiction=320505&role=office", null);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}");
    }

    [Fact]
    public async Task After_the_provider_rotates_its_signing_key_its_new_tokens_are_accepted_without_a_restart()
    {
        using var before = await Me(await host.Provider.IssueAsync(HuqiuClerk));
        host.Provider.RotateSigningKey();
        var token = await host.Provider.IssueAsync(HuqiuClerk);

        // Key lookups are held to one per ten seconds (made-up key ids must not make every request fetch), so another
        // test's forged key just before may delay the first acceptance; it never needs a restart.
        var after = await Eventually.UntilAsync(async () => (await Me(token)).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.With(token));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.NotNull(await cases.ListCasesAsync(new ListCasesRequest()));
    }

    [Fact]
    public async Task A_service_calls_another_with_its_own_key_on_behalf_of_a_person_signed_in_at_the_provider()
    {
        // Secondment asks the cases service's unit register about the cadre's home unit, on behalf of the caller.
        var organization = new ProvincePerson("p-wuzhong-org-02", "周敏", "320506", "county", "organization");
        var secondment = new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(await host.AsAsync(organization));
        var request = SecondmentApiTests.Valid();
        var unregistered = SecondmentApiTests.Valid();
        unregistered.HomeUnit = "不存在的单位";

        var created = await secondment.CreateCadreAsync(request);
        var refused = await Assert.ThrowsAsync<RpcException>(() => secondment.CreateCadreAsync(unregistered).ResponseAsync);

        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.NotEqual(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.NotEqual(StatusCode.Unavailable, refused.StatusCode);
    }

    [Fact]
    public async Task A_service_key_set_for_exposure_signs_exposures_service_tokens_and_nothing_else()
    {
        var exposureKey = new Microsoft.IdentityModel.Tokens.SigningCredentials(
            ServiceSigningKeys.PrivateKey(host.ExposureServiceKey, "test"), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256);
        var signer = new TokenIssuer(exposureKey, new IdentityOptions(), Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), TimeProvider.System);
        var clerk = new Ducha.BuildingBlocks.Actor("p-huqiu-01", Ducha.BuildingBlocks.Role.Office, "320505", "county");

        using var asExposure = await Me(signer.IssueForService("exposure", clerk));
        using var asDisclosure = await Me(signer.IssueForService("disclosure", clerk));
        using var asPerson = await Me(signer.Issue("320505", "office", "p-huqiu-01"));

        Assert.Equal(HttpStatusCode.OK, asExposure.StatusCode);
        var me = JsonDocument.Parse(await asExposure.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("service", me.GetProperty("role").GetString());
        Assert.Equal("p-huqiu-01", me.GetProperty("onBehalfOf").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, asDisclosure.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asPerson.StatusCode);
    }

    private async Task<HttpResponseMessage> Me(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}
