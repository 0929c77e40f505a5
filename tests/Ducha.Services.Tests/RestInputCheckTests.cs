using System.Net;
using System.Text;
using Ducha.Cases.Data;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>
/// REST input the transcoder cannot read, or would drop without a word: the 400 names the field, as the services'
/// own validation does, and nothing is stored.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class RestInputCheckTests(StandaloneFixture host)
{
    private const string Suzhou = "320500";
    private const string Huqiu = "320505";

    /// <summary>A valid complaint as JSON text, with <paramref name="extra"/> properties appended.</summary>
    private static string Complaint(string extra = "") =>
        $$"""{"jurisdictionCode":"{{Huqiu}}","address":"苏州市虎丘区某路","pollutionType":"POLLUTION_TYPE_AIR","description":"夜间排放","channel":"CHANNEL_LETTER","polluter":"某厂{{Guid.NewGuid():N}}"{{extra}}}""";

    private async Task<RestAnswer> RefusedWithoutStoringAsync(Func<RestCaller, Task<RestAnswer>> call)
    {
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();
        var answer = await call(host.RestAs(Suzhou));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(3, answer.Body.GetProperty("code").GetInt32()); // InvalidArgument
        Assert.StartsWith("Invalid request: ", answer.Text("message"));
        Assert.Equal(before, await host.CountAsync<CasesDbContext, CaseEntity>());
        return answer;
    }

    [Fact]
    public async Task An_enum_name_that_does_not_exist_is_named_with_the_names_it_takes()
    {
        var refused = await RefusedWithoutStoringAsync(rest => rest.PostTextAsync("/v1/cases", Complaint(""","channel":"NOPE" """)));

        var (field, description) = Assert.Single(refused.Violations());
        Assert.Equal("channel", field);
        Assert.Contains("CHANNEL_LETTER", description);
        Assert.Contains("channel: must be one of", refused.Text("message"));
    }

    [Fact]
    public async Task Malformed_JSON_is_named_body_with_where_it_broke()
    {
        var refused = await RefusedWithoutStoringAsync(rest => rest.PostTextAsync("/v1/cases", """{"jurisdictionCode":"320505","""));

        var (field, description) = Assert.Single(refused.Violations());
        Assert.Equal("body", field);
        Assert.Contains("not valid JSON at line 1, byte 29", description);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_not_an_object_is_named_body()
    {
        var plain = await RefusedWithoutStoringAsync(rest => rest.PostTextAsync("/v1/cases", Complaint(), "text/plain"));
        var array = await RefusedWithoutStoringAsync(rest => rest.PostTextAsync("/v1/cases", "[]"));

        Assert.Equal(["body"], plain.ViolatedFields());
        Assert.Contains("application/json", plain.Violations()[0].Description);
        Assert.Equal(["body"], array.ViolatedFields());
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_in_a_text_field_are_named_by_the_field()
    {
        const string Marker = "NOT-UTF8";
        var text = Complaint($$""","address":"{{Marker}}" """);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(text[..at]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text[(at + Marker.Length)..])];

        var refused = await RefusedWithoutStoringAsync(rest => rest.PostBytesAsync("/v1/cases", body));

        Assert.Equal([("address", "must be valid UTF-8 text")], refused.Violations());
    }

    [Fact]
    public async Task An_unknown_field_is_named_with_its_path_and_the_field_it_probably_meant()
    {
        var refused = await RefusedWithoutStoringAsync(rest =>
            rest.PostTextAsync("/v1/cases", Complaint(""","coordinates":{"latidude":31.38,"longitude":120.47}""")));

        var (field, description) = Assert.Single(refused.Violations());
        Assert.Equal("coordinates.latidude", field);
        Assert.Equal("is not a field of ducha.cases.v1.Coordinates (did you mean latitude?)", description);
    }

    [Fact]
    public async Task Every_wrong_value_is_named_at_once_by_its_proto_path()
    {
        var refused = await RefusedWithoutStoringAsync(rest => rest.PostTextAsync("/v1/cases", Complaint(
            ""","reporter":{"name":"张三","phone":13800000000},""" +
            """ "attachments":[{"name":"a.jpg","uri":"https://files.example/a","sizeBytes":"2048"},{"name":"b.jpg","uri":"https://files.example/b","size_bytes":1.5}],""" +
            """ "centralInspection":"true","coordinates":{"latitude":"31.38"}""")));

        Assert.Equal(["reporter.phone", "attachments[1].size_bytes", "central_inspection", "coordinates.latitude"], refused.ViolatedFields());
        Assert.Equal("must be a string", refused.Violations()[0].Description);
        Assert.Equal("must be true or false, not a string", refused.Violations()[2].Description);
    }

    [Fact]
    public async Task Enum_numbers_proto_names_int64_numbers_and_nulls_are_read_as_before()
    {
        var rest = host.RestAs(Suzhou);
        var body = $$"""
            {"jurisdiction_code":"{{Huqiu}}","address":"苏州市虎丘区某路","pollution_type":2,"description":"排污口夜间排放",
             "channel":2,"polluter":"某厂{{Guid.NewGuid():N}}","reporter":null,"coordinates":{"latitude":31.38,"longitude":120.47},
             "attachments":[{"name":"a.jpg","media_type":"image/jpeg","size_bytes":2048,"uri":"https://files.example/a"}]}
            """;

        var created = await rest.PostTextAsync("/v1/cases", body);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("CHANNEL_HOTLINE_12369", created.Text("channel"));
        Assert.Equal("POLLUTION_TYPE_WATER", created.Text("pollutionType"));
        Assert.Equal("2048", created.Body.GetProperty("attachments")[0].GetProperty("sizeBytes").GetString());
    }

    [Fact]
    public async Task A_bad_query_value_is_named_by_its_parameter()
    {
        var rest = host.RestAs(Suzhou);

        var status = await rest.GetAsync("/v1/cases?status=FOO");
        var pageSize = await rest.GetAsync("/v1/cases?pageSize=ten&overdueOnly=1");
        var twice = await rest.GetAsync("/v1/cases?page_size=5&page_size=6");

        Assert.Equal(HttpStatusCode.BadRequest, status.Status);
        Assert.Equal(["status"], status.ViolatedFields());
        Assert.Contains("CASE_STATUS_RECEIVED", status.Violations()[0].Description);
        Assert.Equal(["page_size", "overdue_only"], pageSize.ViolatedFields());
        Assert.Equal(["page_size"], twice.ViolatedFields());
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_named_instead_of_ignored()
    {
        var rest = host.RestAs(Suzhou);

        var list = await rest.GetAsync("/v1/cases?pagesize=5");
        var byId = await rest.GetAsync($"/v1/cases/{Guid.NewGuid()}?id=other");
        var create = await RefusedWithoutStoringAsync(r => r.PostTextAsync("/v1/cases?channel=CHANNEL_LETTER", Complaint()));

        Assert.Equal(HttpStatusCode.BadRequest, list.Status);
        Assert.Equal([("pagesize", "is not a field of ducha.cases.v1.ListCasesRequest (did you mean pageSize?)")], list.Violations());
        Assert.Equal(["id"], byId.ViolatedFields());
        Assert.Equal(["channel"], create.ViolatedFields());
    }

    [Fact]
    public async Task Valid_query_strings_still_work_with_enum_numbers_and_proto_names()
    {
        var rest = host.RestAs(Suzhou);

        var byNumber = await rest.GetAsync($"/v1/cases?jurisdiction_code={Huqiu}&status=1&channel=CHANNEL_LETTER&overdueOnly=false&page_size=1");
        var empty = await rest.GetAsync("/v1/cases?jurisdictionCode=");

        Assert.Equal(HttpStatusCode.OK, byNumber.Status);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
    }

    [Fact]
    public async Task The_other_services_name_the_field_too()
    {
        var refused = await host.RestAs("320000").PostTextAsync("/v1/media-outlets",
            """{"jurisdictionCode":"320000","name":"江苏卫视","kind":"MEDIA_KIND_RADIO_TV","weeklyQuota":"3"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["kind", "weekly_quota"], refused.ViolatedFields());
    }

    [Fact]
    public async Task Without_a_token_bad_input_still_answers_401()
    {
        var answer = await host.RestWithoutToken().PostTextAsync("/v1/cases", "{");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task Routes_that_are_not_transcoded_keep_their_own_handling_of_queries()
    {
        using var health = await host.Http.GetAsync("/health?probe=1");
        using var services = await host.Http.GetAsync("/open311/v2/services.json?jurisdiction_id=320500&anything=else");
        using var openApi = await host.Http.GetAsync("/openapi/v1.json?unknown=1");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }
}
