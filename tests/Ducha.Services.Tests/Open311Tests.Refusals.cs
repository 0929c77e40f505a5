using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>What Open311 refuses, and how: each field by the name the client sent, in Open311's error format.</summary>
public sealed partial class Open311Tests
{
    [Fact]
    public async Task A_named_reporter_needs_a_phone_as_over_grpc()
    {
        var refused = await PostAsync(Complaint(("last_name", "张"), ("first_name", "三")), TokenOf(Suzhou));

        Assert.Equal("phone: is required", Assert.Single(refused.Errors(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_same_case_for_the_same_caller_only()
    {
        var key = Guid.NewGuid().ToString();
        var form = Complaint(("attribute[idempotency_key]", key));

        var first = await PostAsync(form, TokenOf(Suzhou));
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();
        var retried = await PostAsync(form, TokenOf(Suzhou));
        var byHeader = await SendAsync(HttpMethod.Post, "/open311/v2/requests.json", TokenOf(Suzhou), Complaint(),
            r => r.Headers.Add("Idempotency-Key", key));
        var countAfterRetries = await host.CountAsync<CasesDbContext, CaseEntity>();
        var otherSystem = await PostAsync(form, TokenOf(Suzhou, subject: "county-app"));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(HttpStatusCode.OK, byHeader.Status);
        Assert.Equal(first.Ids, retried.Ids);
        Assert.Equal(first.Ids, byHeader.Ids);
        Assert.Equal(before, countAfterRetries);
        Assert.Equal(HttpStatusCode.Created, otherSystem.Status);
        Assert.NotEqual(first.Ids, otherSystem.Ids);
    }

    [Fact]
    public async Task Missing_fields_are_refused_each_by_its_open311_name_and_nothing_is_stored()
    {
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();

        var missing = await PostAsync(Complaint(("service_code", null!), ("description", null!)), TokenOf(Suzhou));
        var badPlace = await PostAsync(Complaint(("address_string", " "), ("lat", "north"), ("long", null!), ("attribute[channel]", "fax")), TokenOf(Suzhou));

        var descriptions = missing.Errors(HttpStatusCode.BadRequest);
        Assert.Equal(2, descriptions.Count);
        Assert.Contains(descriptions, d => d.StartsWith("service_code: is required", StringComparison.Ordinal));
        Assert.Contains("description: is required", descriptions);
        Assert.Equal(["address_string", "attribute[channel]", "lat", "long"],
            badPlace.Errors(HttpStatusCode.BadRequest).Select(d => d[..d.IndexOf(':')]).Order(StringComparer.Ordinal));
        Assert.Equal(before, await host.CountAsync<CasesDbContext, CaseEntity>());
    }

    [Fact]
    public async Task An_unknown_service_code_or_attribute_is_a_400_naming_it()
    {
        var service = await PostAsync(Complaint(("service_code", "sewage")), TokenOf(Suzhou));
        var attribute = await PostAsync(Complaint(("attribute[poluter]", "某厂")), TokenOf(Suzhou));
        var media = await PostAsync(Complaint(("media_url", "file:///etc/passwd")), TokenOf(Suzhou));

        Assert.StartsWith("service_code: 'sewage'", Assert.Single(service.Errors(HttpStatusCode.BadRequest)));
        Assert.StartsWith("attribute[poluter]:", Assert.Single(attribute.Errors(HttpStatusCode.BadRequest)));
        Assert.StartsWith("media_url:", Assert.Single(media.Errors(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_unknown_request_is_404_and_an_unknown_format_is_refused_in_open311_format()
    {
        var unknown = await GetAsync($"/open311/v2/requests/{Guid.NewGuid()}.json", TokenOf(Suzhou));
        var yaml = await GetAsync("/open311/v2/services.yaml", token: null);
        var typo = await GetAsync("/open311/v2/request.json", token: null);

        Assert.Contains("was not found", Assert.Single(unknown.Errors(HttpStatusCode.NotFound)));
        // In XML, the one format every GeoReport client reads.
        Assert.Equal(XmlType, yaml.ContentType);
        Assert.StartsWith("format: 'yaml'", Assert.Single(yaml.Errors(HttpStatusCode.BadRequest)));
        Assert.Equal(JsonType, typo.ContentType);
        Assert.Single(typo.Errors(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Without_a_valid_token_the_answer_is_an_open311_401_and_api_key_in_the_body_is_a_token()
    {
        var list = await GetAsync("/open311/v2/requests.json", token: null);
        var post = await PostAsync(Complaint(), token: null);
        var forged = await GetAsync("/open311/v2/requests.json", "not-a-token");
        var keyInUrl = await GetAsync($"/open311/v2/requests.json?api_key={TokenOf(Suzhou)}", token: null);
        var withApiKey = await PostAsync(Complaint(("api_key", TokenOf(Suzhou))), token: null);

        Assert.Contains("token is required", Assert.Single(list.Errors(HttpStatusCode.Unauthorized)));
        Assert.Single(post.Errors(HttpStatusCode.Unauthorized));
        Assert.Contains("not valid", Assert.Single(forged.Errors(HttpStatusCode.Unauthorized)));
        Assert.Contains("POST body only", Assert.Single(keyInUrl.Errors(HttpStatusCode.Unauthorized)));
        Assert.Equal(HttpStatusCode.Created, withApiKey.Status);
    }
}
