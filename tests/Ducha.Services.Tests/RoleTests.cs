using System.Net;
using System.Security.Claims;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.Contracts.Secondment.V1;
using Ducha.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Services.Tests;

/// <summary>Each operation names the roles that may call it; a token whose role is unknown or missing speaks for no one.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class RoleTests(StandaloneFixture host)
{
    public static TheoryData<string> NotOffices => new() { "handler", "discipline", "assessor", "admin", "lead_department", "inspection_team", "service" };

    // Within the caller's own county, so only the role can be what refuses them.
    private static CreateMediaOutletRequest Here(CreateMediaOutletRequest r) { r.JurisdictionCode = "320505"; return r; }

    private CallInvoker As(string role) => role == "handler" ? host.AsUnit("320505", CaseSteps.Unit) : host.As("320505", role);

    [Theory]
    [MemberData(nameof(NotOffices))]
    public async Task Only_an_office_files_complaints_outlets_and_bulletins(string role)
    {
        var invoker = As(role);
        var calls = new Func<Task>[]
        {
            () => new Ducha.Contracts.Cases.V1.Cases.CasesClient(invoker).CreateCaseAsync(CasesApiTests.ValidCase()).ResponseAsync,
            () => new Ducha.Contracts.Exposure.V1.Exposure.ExposureClient(invoker).CreateMediaOutletAsync(Here(ExposureApiTests.Valid())).ResponseAsync,
            () => new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(invoker).DraftBulletinAsync(new DraftBulletinRequest { JurisdictionCode = "320505", PeriodStart = "2024-09-27", PeriodEnd = "2024-09-29" }).ResponseAsync,
        };

        foreach (var call in calls)
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = host.Tokens.Issue("320505", "discipline", "hotline"), ["service_code"] = "air", ["address_string"] = "苏州市虎丘区某路", ["description"] = "夜间排放",
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.PostAsync("/open311/v2/requests.json", form)).StatusCode);
    }

    public static TheoryData<string> NeitherOfficeNorAssessor => new() { "handler", "discipline", "admin", "lead_department", "inspection_team", "service" };

    private static CreateSchemeRequest OwnScheme() => new() { JurisdictionCode = "320505", Year = 2026, Audience = Audience.Departments, FromExample = true };

    [Theory]
    [MemberData(nameof(NeitherOfficeNorAssessor))]
    public async Task Only_the_office_and_the_assessors_of_a_level_draft_its_assessment_scheme(string role)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(As(role)).CreateSchemeAsync(OwnScheme()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_assessor_drafts_its_own_level_s_assessment_scheme()
    {
        var scheme = await new Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient(As("assessor")).CreateSchemeAsync(OwnScheme());

        Assert.Equal(("320505", SchemeState.Draft), (scheme.JurisdictionCode, scheme.State));
    }

    [Fact]
    public async Task Cadres_are_filed_by_the_organization_department_and_the_office_but_not_by_a_handling_unit()
    {
        var request = SecondmentApiTests.Valid();
        request.JurisdictionCode = "320505";
        request.HomeUnit = "虎丘区生态环境局";

        var byOrganization = await new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(host.As("320500", "organization")).CreateCadreAsync(request);
        var byHandler = await Assert.ThrowsAsync<RpcException>(() => new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(host.AsUnit("320505", CaseSteps.Unit)).CreateCadreAsync(request).ResponseAsync);

        Assert.False(string.IsNullOrEmpty(byOrganization.Id));
        Assert.Equal(StatusCode.PermissionDenied, byHandler.StatusCode);
    }

    public static TheoryData<string?> NoOnesRoles => new() { "superuser", "", null, "Office" };

    [Theory]
    [MemberData(nameof(NoOnesRoles))]
    public async Task A_token_with_an_unknown_or_missing_role_is_refused_with_403_everywhere(string? role)
    {
        var token = RawToken(role);
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Channel.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; }));

        var list = await Assert.ThrowsAsync<RpcException>(() => cases.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        var rest = await Send("/v1/cases", token);
        var me = await Send("/api/me", token);
        var open311 = await Send("/open311/v2/requests.json", token);

        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rest);
        Assert.Equal(HttpStatusCode.Forbidden, me);
        Assert.Equal(HttpStatusCode.Forbidden, open311);
        // A bad signature is still 401.
        Assert.Equal(HttpStatusCode.Unauthorized, await Send("/api/me", token[..^4] + "AAAA"));
    }

    [Fact]
    public async Task A_handler_token_without_its_unit_is_refused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await Send("/api/me", RawToken("handler")));
        var issued = await host.Http.PostAsync("/dev/tokens?jurisdiction=320505&role=handler", null);
        Assert.Equal(HttpStatusCode.BadRequest, issued.StatusCode);
        Assert.Contains("unit", await issued.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> Send(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return (await host.Http.SendAsync(request)).StatusCode;
    }

    /// <summary>A correctly signed development token carrying whatever role it is given, as a misconfigured issuer might mint.</summary>
    private static string RawToken(string? role)
    {
        var options = new IdentityOptions();
        Claim[] claims = [new("sub", "odd"), new(DuchaClaims.Jurisdiction, "320500"), new(DuchaClaims.Level, "city"),
            .. role is null ? Array.Empty<Claim>() : [new Claim(DuchaClaims.Role, role)]];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer, Audience = options.Audience, Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(options.ResolveKey(isDevelopment: true), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(claims),
        });
    }
}
