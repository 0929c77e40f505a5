using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>Open311 in XML, the spec's required format: the same answers as JSON, field for field.</summary>
public sealed partial class Open311Tests
{
    [Fact]
    public async Task A_request_filed_as_xml_is_read_back_as_xml_and_as_json_with_the_same_fields()
    {
        var created = await PostAsync(Complaint(), TokenOf(Suzhou), "xml");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(XmlType, created.ContentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", created.Raw);
        var receipt = Assert.Single(Answer.Root(created.Xml!, "service_requests").Elements());
        Assert.Equal("request", receipt.Name.LocalName);
        Assert.Equal(["service_request_id", "service_notice", "account_id"], receipt.Elements().Select(e => e.Name.LocalName));
        var id = receipt.Element("service_request_id")!.Value;
        Assert.StartsWith("您反映的问题已受理", receipt.Element("service_notice")!.Value);
        Assert.True(receipt.Element("account_id")!.IsEmpty);
        Assert.Equal($"/open311/v2/requests/{id}.xml", created.Location?.OriginalString);

        var xml = await GetAsync($"/open311/v2/requests/{id}.xml", TokenOf(Suzhou));
        var json = await GetAsync($"/open311/v2/requests/{id}.json", TokenOf(Suzhou));

        Assert.Equal(HttpStatusCode.OK, xml.Status);
        Assert.Equal(XmlType, xml.ContentType);
        Assert.Equal(JsonType, json.ContentType);
        var request = Assert.Single(Answer.Root(xml.Xml!, "service_requests").Elements("request"));
        Assert.Equal(id, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("air", request.Element("service_code")!.Value);
        Assert.Equal("夜间排放刺鼻气体", request.Element("description")!.Value);
        Assert.Equal("苏州市虎丘区浒墅关镇某化工厂", request.Element("address")!.Value);
        Assert.Equal(31.38, (double)request.Element("lat")!);
        Assert.Equal(120.47, (double)request.Element("long")!);
        var requested = request.Element("requested_datetime")!.Value;
        Assert.EndsWith("+08:00", requested);
        Assert.InRange(DateTimeOffset.Parse(requested, CultureInfo.InvariantCulture), StandaloneFixture.Now.AddMinutes(-1), StandaloneFixture.Now.AddDays(1));
        Assert.True(request.Element("expected_datetime")!.IsEmpty);
        // Chinese as UTF-8 text, not character references.
        Assert.Contains("<description>夜间排放刺鼻气体</description>", xml.Raw);
        AssertSameFields(Assert.Single(json.Json.EnumerateArray()), request);

        var byId = await GetAsync($"/open311/v2/requests.xml?service_request_id={id}", TokenOf(Suzhou));
        var open = await GetAsync("/open311/v2/requests.xml?status=open&service_code=air", TokenOf(Suzhou));
        var closed = await GetAsync("/open311/v2/requests.xml?status=closed", TokenOf(Suzhou));
        Assert.Equal([id], byId.Ids);
        Assert.Contains(id, open.Ids);
        Assert.DoesNotContain(id, closed.Ids);
    }

    [Fact]
    public async Task The_service_list_and_a_service_definition_are_served_as_xml_with_the_fields_of_the_json()
    {
        var services = await GetAsync("/open311/v2/services.xml", token: null);
        var servicesJson = await GetAsync("/open311/v2/services.json", token: null);
        var definition = await GetAsync("/open311/v2/services/water.xml", token: null);
        var definitionJson = await GetAsync("/open311/v2/services/water.json", token: null);

        Assert.Equal(HttpStatusCode.OK, services.Status);
        Assert.Equal(XmlType, services.ContentType);
        var list = Answer.Root(services.Xml!, "services").Elements().ToList();
        Assert.All(list, s => Assert.Equal("service", s.Name.LocalName));
        Assert.Equal(["air", "water", "noise", "soil", "solid_waste", "ecology", "other"], list.Select(s => s.Element("service_code")!.Value));
        var air = list[0];
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], air.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("大气污染", air.Element("service_name")!.Value);
        Assert.Equal("true", air.Element("metadata")!.Value);
        Assert.Equal("realtime", air.Element("type")!.Value);
        Assert.Equal("环境污染", air.Element("group")!.Value);
        AssertSameFields(servicesJson.Json, services.Xml!.Root!);

        Assert.Equal(HttpStatusCode.OK, definition.Status);
        var root = Answer.Root(definition.Xml!, "service_definition");
        Assert.Equal("water", root.Element("service_code")!.Value);
        var attributes = root.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(["jurisdiction_code", "polluter", "channel", "idempotency_key"], attributes.Select(a => a.Element("code")!.Value));
        Assert.All(attributes, a => Assert.Equal("true", a.Element("variable")!.Value));
        Assert.All(attributes, a => Assert.Equal("false", a.Element("required")!.Value));
        var channel = attributes.Single(a => a.Element("code")!.Value == "channel");
        Assert.Equal("singlevaluelist", channel.Element("datatype")!.Value);
        Assert.Equal(3, (int)channel.Element("order")!);
        Assert.Contains(channel.Element("values")!.Elements("value"),
            v => v.Element("key")!.Value == "web_app" && v.Element("name")!.Value == "网站、APP、微信");
        Assert.True(attributes[0].Element("values")!.IsEmpty);
        AssertSameFields(definitionJson.Json, root);
    }

    [Fact]
    public async Task Errors_of_xml_routes_are_an_errors_document_with_the_http_status_as_each_code()
    {
        var wuxiCase = await FileAsync(Complaint(("attribute[jurisdiction_code]", Liangxi), ("address_string", "无锡市梁溪区某印染厂")), Wuxi);

        var missing = await PostAsync(Complaint(("service_code", null!), ("description", null!)), TokenOf(Suzhou), "xml");
        var anonymousList = await GetAsync("/open311/v2/requests.xml", token: null);
        var anonymousPost = await PostAsync(Complaint(), token: null, "xml");
        var otherCity = await GetAsync($"/open311/v2/requests/{wuxiCase}.xml", TokenOf(Suzhou));
        var unknownRequest = await GetAsync($"/open311/v2/requests/{Guid.NewGuid()}.xml", TokenOf(Suzhou));
        var unknownService = await GetAsync("/open311/v2/services/sewage.xml", token: null);
        var typo = await GetAsync("/open311/v2/request.xml", token: null);
        var notAForm = await SendAsync(HttpMethod.Post, "/open311/v2/requests.xml", TokenOf(Suzhou),
            configure: r => r.Content = new StringContent("<request/>", System.Text.Encoding.UTF8, "text/xml"));

        var descriptions = missing.Errors(HttpStatusCode.BadRequest);
        Assert.Equal(2, descriptions.Count);
        Assert.Contains(descriptions, d => d.StartsWith("service_code: is required", StringComparison.Ordinal));
        Assert.Contains("description: is required", descriptions);
        Assert.Contains("token is required", Assert.Single(anonymousList.Errors(HttpStatusCode.Unauthorized)));
        Assert.Single(anonymousPost.Errors(HttpStatusCode.Unauthorized));
        Assert.Contains(Liangxi, Assert.Single(otherCity.Errors(HttpStatusCode.Forbidden)));
        Assert.Contains("was not found", Assert.Single(unknownRequest.Errors(HttpStatusCode.NotFound)));
        Assert.Contains("sewage", Assert.Single(unknownService.Errors(HttpStatusCode.NotFound)));
        Assert.EndsWith("services.xml", Assert.Single(typo.Errors(HttpStatusCode.NotFound)));
        Assert.Single(notAForm.Errors(HttpStatusCode.UnsupportedMediaType));
        Assert.All(new[] { missing, anonymousList, anonymousPost, otherCity, unknownRequest, unknownService, typo, notAForm },
            a => Assert.Equal(XmlType, a.ContentType));
    }

    [Fact]
    public async Task A_character_xml_cannot_carry_is_replaced_in_xml_and_kept_in_json()
    {
        var id = await FileAsync(Complaint(("description", "夜间排放\u0001刺鼻气体\r\n凌晨最重")));

        var xml = await GetAsync($"/open311/v2/requests/{id}.xml", TokenOf(Suzhou));
        var json = await GetAsync($"/open311/v2/requests/{id}.json", TokenOf(Suzhou));

        Assert.Equal(HttpStatusCode.OK, xml.Status);
        Assert.Equal("夜间排放\uFFFD刺鼻气体\r\n凌晨最重", xml.Xml!.Root!.Element("request")!.Element("description")!.Value);
        Assert.Equal("夜间排放\u0001刺鼻气体\r\n凌晨最重", json.Json[0].GetProperty("description").GetString());
    }
}
