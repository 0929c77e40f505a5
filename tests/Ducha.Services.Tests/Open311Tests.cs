using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>Open311 GeoReport v2 on the standalone host, as a 12345 hotline or a county app would call it.</summary>
[Collection(StandaloneCollection.Name)]
public sealed partial class Open311Tests(StandaloneFixture host)
{
    private const string Suzhou = "320500", Huqiu = "320505", Wuxi = "320200", Liangxi = "320213";
    private const string JsonType = "application/json; charset=utf-8", XmlType = "text/xml; charset=utf-8";

    private string TokenOf(string jurisdiction, string subject = "hotline-12345") => host.Tokens.Issue(jurisdiction, "office", subject);

    private static Dictionary<string, string> Complaint(params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["service_code"] = "air",
            ["attribute[jurisdiction_code]"] = Huqiu,
            ["address_string"] = "苏州市虎丘区浒墅关镇某化工厂",
            ["lat"] = "31.38",
            ["long"] = "120.47",
            // A polluter of its own, so one test's complaint is never taken for a repeat of another's.
            ["attribute[polluter]"] = $"某化工厂{Guid.NewGuid().ToString("N")[..8]}",
            ["attribute[channel]"] = "hotline_12369",
            ["description"] = "夜间排放刺鼻气体",
            ["media_url"] = "https://files.example.cn/12345/2024/0927/photo-1.jpg",
        };
        foreach (var (field, value) in changes)
        {
            if (value is null) form.Remove(field);
            else form[field] = value;
        }
        return form;
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, string? token, Dictionary<string, string>? form = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        configure?.Invoke(request);
        using var response = await host.Http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.ToString();
        return new Answer(response.StatusCode, raw, contentType,
            contentType == JsonType ? JsonDocument.Parse(raw).RootElement.Clone() : default,
            contentType == XmlType ? XDocument.Parse(raw) : null,
            response.Headers.Location);
    }

    private Task<Answer> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    private Task<Answer> PostAsync(Dictionary<string, string> form, string? token, string format = "json") =>
        SendAsync(HttpMethod.Post, $"/open311/v2/requests.{format}", token, form);

    private async Task<string> FileAsync(Dictionary<string, string> form, string jurisdiction = Suzhou)
    {
        var created = await PostAsync(form, TokenOf(jurisdiction));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Json[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>An answer as the client reads it: JSON or XML, by its content type (each with the charset the spec asks for).</summary>
    /// <summary>One answer in two formats: the same fields in the same order with the same values, a null being an empty element.</summary>
    private static void AssertSameFields(JsonElement json, XElement xml)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(json.EnumerateObject().Select(f => f.Name), xml.Elements().Select(e => e.Name.LocalName));
                foreach (var field in json.EnumerateObject()) AssertSameFields(field.Value, xml.Element(field.Name)!);
                break;
            case JsonValueKind.Array:
                var items = xml.Elements().ToList();
                Assert.Equal(json.GetArrayLength(), items.Count);
                foreach (var (item, element) in json.EnumerateArray().Zip(items)) AssertSameFields(item, element);
                break;
            case JsonValueKind.Null:
                Assert.True(xml.IsEmpty, $"<{xml.Name}> is null in JSON but not empty in XML");
                break;
            case JsonValueKind.String:
                Assert.Equal(json.GetString(), xml.Value);
                break;
            default:
                Assert.Equal(json.GetRawText(), xml.Value);
                break;
        }
    }

    private sealed record Answer(HttpStatusCode Status, string Raw, string? ContentType, JsonElement Json, XDocument? Xml, Uri? Location)
    {
        public IEnumerable<string> Ids => Xml is { } xml
            ? Root(xml, "service_requests").Elements("request").Select(r => r.Element("service_request_id")!.Value)
            : Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!);

        /// <summary>Asserts an Open311 error list, in either format: every entry carries the HTTP status as its code.</summary>
        public List<string> Errors(HttpStatusCode expected)
        {
            Assert.Equal(expected, Status);
            if (Xml is { } xml)
            {
                var errors = Root(xml, "errors").Elements().ToList();
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.Equal("error", e.Name.LocalName));
                Assert.All(errors, e => Assert.Equal((int)expected, (int)e.Element("code")!));
                return [.. errors.Select(e => e.Element("description")!.Value)];
            }
            Assert.Equal(JsonType, ContentType);
            Assert.Equal(JsonValueKind.Array, Json.ValueKind);
            Assert.All(Json.EnumerateArray(), e => Assert.Equal((int)expected, e.GetProperty("code").GetInt32()));
            return [.. Json.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
        }

        /// <summary>The document element, asserted by name: GeoReport's XML has no namespace.</summary>
        public static XElement Root(XDocument xml, string name)
        {
            Assert.Equal(XName.Get(name), xml.Root!.Name);
            return xml.Root;
        }
    }

    [Fact]
    public async Task The_service_list_has_one_service_per_pollution_type_without_a_token()
    {
        var services = await GetAsync("/open311/v2/services.json", token: null);

        Assert.Equal(HttpStatusCode.OK, services.Status);
        Assert.Equal(["air", "water", "noise", "soil", "solid_waste", "ecology", "other"],
            services.Json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()));
        var air = services.Json[0];
        Assert.Equal("大气污染", air.GetProperty("service_name").GetString());
        Assert.True(air.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", air.GetProperty("type").GetString());
        Assert.Equal("环境污染", air.GetProperty("group").GetString());
        Assert.False(string.IsNullOrEmpty(air.GetProperty("keywords").GetString()));
        Assert.Contains("大气污染", services.Raw);
    }

    [Fact]
    public async Task A_service_definition_lists_its_attributes_and_an_unknown_service_is_404()
    {
        var definition = await GetAsync("/open311/v2/services/water.json", token: null);
        var unknown = await GetAsync("/open311/v2/services/sewage.json", token: null);

        Assert.Equal(HttpStatusCode.OK, definition.Status);
        Assert.Equal("water", definition.Json.GetProperty("service_code").GetString());
        var attributes = definition.Json.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["jurisdiction_code", "polluter", "channel", "idempotency_key"], attributes.Select(a => a.GetProperty("code").GetString()));
        Assert.All(attributes, a => Assert.False(a.GetProperty("required").GetBoolean()));
        var channel = attributes.Single(a => a.GetProperty("code").GetString() == "channel");
        Assert.Equal("singlevaluelist", channel.GetProperty("datatype").GetString());
        Assert.Contains(channel.GetProperty("values").EnumerateArray(),
            v => v.GetProperty("key").GetString() == "web_app" && v.GetProperty("name").GetString() == "网站、APP、微信");
        Assert.Contains("sewage", Assert.Single(unknown.Errors(HttpStatusCode.NotFound)));
    }

    [Fact]
    public async Task A_filed_request_is_read_back_by_id_and_in_the_list()
    {
        var created = await PostAsync(Complaint(), TokenOf(Suzhou));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var receipt = Assert.Single(created.Json.EnumerateArray());
        var id = receipt.GetProperty("service_request_id").GetString()!;
        Assert.False(string.IsNullOrEmpty(receipt.GetProperty("service_notice").GetString()));
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("account_id").ValueKind);
        Assert.Equal($"/open311/v2/requests/{id}.json", created.Location?.OriginalString);

        var read = await GetAsync($"/open311/v2/requests/{id}.json", TokenOf(Suzhou));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var request = Assert.Single(read.Json.EnumerateArray());
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已受理，待转办", request.GetProperty("status_notes").GetString());
        Assert.Equal("air", request.GetProperty("service_code").GetString());
        Assert.Equal("大气污染", request.GetProperty("service_name").GetString());
        Assert.Equal("夜间排放刺鼻气体", request.GetProperty("description").GetString());
        // Received by the caller's office, which holds it until it assigns it down.
        Assert.Equal("苏州市", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("苏州市虎丘区浒墅关镇某化工厂", request.GetProperty("address").GetString());
        Assert.Equal(31.38, request.GetProperty("lat").GetDouble());
        Assert.Equal(120.47, request.GetProperty("long").GetDouble());
        Assert.Equal("https://files.example.cn/12345/2024/0927/photo-1.jpg", request.GetProperty("media_url").GetString());
        var requested = request.GetProperty("requested_datetime").GetString()!;
        Assert.EndsWith("+08:00", requested);
        Assert.InRange(DateTimeOffset.Parse(requested, CultureInfo.InvariantCulture), StandaloneFixture.Now.AddMinutes(-1), StandaloneFixture.Now.AddDays(1));
        Assert.EndsWith("+08:00", request.GetProperty("updated_datetime").GetString());
        Assert.Contains("+08:00\"", read.Raw);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("expected_datetime").ValueKind);

        var open = await GetAsync("/open311/v2/requests.json?status=open&service_code=air", TokenOf(Suzhou));
        var closed = await GetAsync("/open311/v2/requests.json?status=closed", TokenOf(Suzhou));
        var fromCounty = await GetAsync("/open311/v2/requests.json", TokenOf(Huqiu));
        var otherService = await GetAsync("/open311/v2/requests.json?service_code=water,noise", TokenOf(Suzhou));
        Assert.Contains(id, open.Ids);
        Assert.DoesNotContain(id, closed.Ids);
        // Filed at the city and not yet assigned down: the county has not been on its chain and does not see it.
        Assert.DoesNotContain(id, fromCounty.Ids);
        Assert.DoesNotContain(id, otherService.Ids);
    }

    [Fact]
    public async Task The_reporter_is_sealed_as_over_grpc_and_never_comes_back_over_open311()
    {
        var id = await FileAsync(Complaint(("last_name", "欧阳"), ("first_name", "明华"), ("phone", "13912345678"), ("email", "ouyang@example.cn")));

        var byId = await GetAsync($"/open311/v2/requests/{id}.json", TokenOf(Suzhou));
        var list = await GetAsync($"/open311/v2/requests.json?service_request_id={id}", TokenOf(Suzhou));
        var byIdXml = await GetAsync($"/open311/v2/requests/{id}.xml", TokenOf(Suzhou));
        var listXml = await GetAsync($"/open311/v2/requests.xml?service_request_id={id}", TokenOf(Suzhou));

        Assert.Equal(id, Assert.Single(list.Ids));
        Assert.Equal(id, Assert.Single(byIdXml.Ids));
        Assert.Equal(id, Assert.Single(listXml.Ids));
        foreach (var answer in new[] { byId, list, byIdXml, listXml })
        {
            Assert.DoesNotContain("欧阳", answer.Raw);
            Assert.DoesNotContain("明华", answer.Raw);
            Assert.DoesNotContain("13912345678", answer.Raw);
            Assert.DoesNotContain("ouyang@example.cn", answer.Raw);
        }
        // The handling chain still sees who complained, exactly as if the complaint had come over gRPC.
        var office = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As(Suzhou)).GetCaseAsync(new GetCaseRequest { Id = id });
        Assert.Equal("欧阳明华", office.Reporter.Name);
        Assert.Equal("13912345678", office.Reporter.Phone);
        Assert.Equal("ouyang@example.cn", office.Reporter.Address);
        Assert.Equal(Channel.Hotline12369, office.Channel);
        Assert.Equal(Huqiu, office.JurisdictionCode);
        Assert.Equal(Suzhou, office.OriginJurisdictionCode);
    }

    [Fact]
    public async Task Another_citys_request_is_403_by_id_and_absent_from_the_list()
    {
        var wuxiCase = await FileAsync(Complaint(("attribute[jurisdiction_code]", Liangxi), ("address_string", "无锡市梁溪区某印染厂")), Wuxi);

        var byId = await GetAsync($"/open311/v2/requests/{wuxiCase}.json", TokenOf(Suzhou));
        var list = await GetAsync($"/open311/v2/requests.json?service_request_id={wuxiCase}", TokenOf(Suzhou));
        var fileThere = await PostAsync(Complaint(("attribute[jurisdiction_code]", Liangxi)), TokenOf(Suzhou));

        Assert.Contains(Liangxi, Assert.Single(byId.Errors(HttpStatusCode.Forbidden)));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list.Ids);
        Assert.Single(fileThere.Errors(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_case_with_a_handling_unit_shows_the_unit_and_its_deadline_and_a_closed_case_shows_closed()
    {
        var steps = new CaseSteps(host);
        var atUnit = await steps.AtUnitAsync();
        var closed = await steps.ClosedAsync();

        var handling = (await GetAsync($"/open311/v2/requests/{atUnit.Id}.json", TokenOf(Suzhou))).Json[0];
        var done = (await GetAsync($"/open311/v2/requests/{closed.Id}.json", TokenOf(Suzhou))).Json[0];
        var closedList = await GetAsync("/open311/v2/requests.json?status=closed", TokenOf(Suzhou));
        var openList = await GetAsync("/open311/v2/requests.json?status=open", TokenOf(Suzhou));

        Assert.Equal("open", handling.GetProperty("status").GetString());
        Assert.Equal(CaseSteps.Unit, handling.GetProperty("agency_responsible").GetString());
        Assert.Equal($"{CaseSteps.Unit}办理中", handling.GetProperty("status_notes").GetString());
        Assert.Equal($"{atUnit.Deadline}T23:59:59+08:00", handling.GetProperty("expected_datetime").GetString());
        Assert.Equal("closed", done.GetProperty("status").GetString());
        Assert.Equal("已办结销号", done.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("expected_datetime").ValueKind);
        Assert.Contains(closed.Id, closedList.Ids);
        Assert.DoesNotContain(atUnit.Id, closedList.Ids);
        Assert.Contains(atUnit.Id, openList.Ids);
        Assert.DoesNotContain(closed.Id, openList.Ids);
    }

    [Fact]
    public async Task Dates_bound_the_list_by_requested_datetime_within_90_days()
    {
        var id = await FileAsync(Complaint());
        var day = StandaloneFixture.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var thatDay = await GetAsync($"/open311/v2/requests.json?start_date={day}T00:00:00%2B08:00&end_date={day}T23:59:59%2B08:00", TokenOf(Suzhou));
        var beijingWithoutOffset = await GetAsync($"/open311/v2/requests.json?start_date={day}T00:00:00", TokenOf(Suzhou));
        var before = await GetAsync("/open311/v2/requests.json?end_date=2024-09-01T00:00:00Z", TokenOf(Suzhou));
        var tooLong = await GetAsync("/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-09-30T00:00:00Z", TokenOf(Suzhou));
        var notADate = await GetAsync("/open311/v2/requests.json?start_date=yesterday", TokenOf(Suzhou));

        Assert.Contains(id, thatDay.Ids);
        Assert.Contains(id, beijingWithoutOffset.Ids);
        Assert.DoesNotContain(id, before.Ids);
        Assert.StartsWith("end_date:", Assert.Single(tooLong.Errors(HttpStatusCode.BadRequest)));
        Assert.StartsWith("start_date:", Assert.Single(notADate.Errors(HttpStatusCode.BadRequest)));
    }
}
