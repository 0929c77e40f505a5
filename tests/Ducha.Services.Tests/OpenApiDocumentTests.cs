using System.Net;
using System.Text.Json;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Ducha.Services.Tests;

/// <summary>GET /openapi/v1.json: what a REST client generator or a developer reads to call the services.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class OpenApiDocumentTests(StandaloneFixture host)
{
    private static readonly ServiceDescriptor[] FiveServices =
    [
        Ducha.Contracts.Cases.V1.Cases.Descriptor,
        Ducha.Contracts.Cases.V1.Units.Descriptor, // the cases service's register of handling units
        Ducha.Contracts.Exposure.V1.Exposure.Descriptor,
        Ducha.Contracts.Assessment.V1.Assessment.Descriptor,
        Ducha.Contracts.Secondment.V1.Secondment.Descriptor,
        Ducha.Contracts.Disclosure.V1.Disclosure.Descriptor,
    ];

    private async Task<JsonElement> DocumentAsync()
    {
        // No token: the document is public, like health and reflection.
        using var response = await host.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Operation(JsonElement document, string verb, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(verb);

    private static string SchemaRef(JsonElement content) =>
        content.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;

    [Fact]
    public async Task Is_served_without_a_token_as_an_OpenAPI_3_document()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("Ducha ducha-standalone", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Lists_a_route_for_every_operation_of_the_five_services()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var method in FiveServices.SelectMany(s => s.Methods))
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            Assert.True(rule is not null, $"{method.FullName} has no google.api.http route");
            var (verb, path) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("get", rule.Get),
                HttpRule.PatternOneofCase.Put => ("put", rule.Put),
                _ => ("post", rule.Post),
            };
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(verb, out _), $"{verb} {path} ({method.FullName}) is not in the document");
        }
        Assert.Contains("/v1/media-outlets", paths.EnumerateObject().Select(p => p.Name));
        Assert.Contains("/v1/assessment-schemes/{id}", paths.EnumerateObject().Select(p => p.Name));
        Assert.Contains("/v1/cadres", paths.EnumerateObject().Select(p => p.Name));
        Assert.Contains("/v1/bulletins/{id}", paths.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Describes_the_case_routes_with_request_and_response_schemas()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var create = Operation(document, "post", "/v1/cases");
        Assert.Equal("#/components/schemas/ducha.cases.v1.CreateCaseRequest", SchemaRef(create.GetProperty("requestBody")));
        Assert.Equal("#/components/schemas/ducha.cases.v1.Case", SchemaRef(create.GetProperty("responses").GetProperty("200")));
        Assert.Equal("#/components/schemas/google.rpc.Status", SchemaRef(create.GetProperty("responses").GetProperty("default")));
        Assert.True(create.TryGetProperty("security", out _));

        var caseSchema = schemas.GetProperty("ducha.cases.v1.Case").GetProperty("properties");
        Assert.Equal("#/components/schemas/ducha.cases.v1.CaseStatus", caseSchema.GetProperty("status").GetProperty("$ref").GetString());
        Assert.Equal("date-time", caseSchema.GetProperty("receivedAt").GetProperty("format").GetString());
        Assert.Contains("CASE_STATUS_RECEIVED", schemas.GetProperty("ducha.cases.v1.CaseStatus").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var sizeBytes = schemas.GetProperty("ducha.cases.v1.Attachment").GetProperty("properties").GetProperty("sizeBytes");
        Assert.Equal("string", sizeBytes.GetProperty("type").GetString());

        var assign = Operation(document, "post", "/v1/cases/{case_id}:assignDown");
        Assert.Equal("case_id", Assert.Single(assign.GetProperty("parameters").EnumerateArray()).GetProperty("name").GetString());
        var assignBody = assign.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.True(assignBody.TryGetProperty("toJurisdictionCode", out _));
        Assert.False(assignBody.TryGetProperty("caseId", out _)); // the path carries it

        var list = Operation(document, "get", "/v1/cases");
        var query = list.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("status", query);
        Assert.Contains("pageSize", query);
        Assert.Equal("#/components/schemas/ducha.cases.v1.CasePage", SchemaRef(list.GetProperty("responses").GetProperty("200")));

        Assert.True(schemas.TryGetProperty("google.rpc.BadRequest", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
