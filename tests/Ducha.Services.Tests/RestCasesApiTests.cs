using System.Net;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>The cases API as a REST client uses it: JSON routes transcoded onto the same gRPC service.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class RestCasesApiTests(StandaloneFixture host)
{
    private const string Jiangsu = "320000";
    private const string Suzhou = "320500";
    private const string Huqiu = "320505";
    private const string Wuzhong = "320506";
    private const string Kunshan = "320583"; // used by no other test of this host

    /// <summary>A complaint as a web form would send it: lowerCamel names, enums by name, int64 as a string.</summary>
    private static Dictionary<string, object> Complaint(string jurisdiction = Huqiu, string channel = "CHANNEL_HOTLINE_12369") => new()
    {
        ["jurisdictionCode"] = jurisdiction,
        ["address"] = "苏州市虎丘区浒墅关镇某化工厂",
        ["coordinates"] = new { latitude = 31.38, longitude = 120.47 },
        ["polluter"] = $"某化工厂{Guid.NewGuid().ToString("N")[..8]}",
        ["pollutionType"] = "POLLUTION_TYPE_AIR",
        ["description"] = "夜间排放刺鼻气体",
        ["channel"] = channel,
        ["attachments"] = new[] { new { name = "现场.jpg", mediaType = "image/jpeg", sizeBytes = "9007199254740993", uri = "https://files.example/1" } },
    };

    [Fact]
    public async Task A_case_created_with_JSON_is_read_back_by_id_over_REST_and_gRPC()
    {
        var rest = host.RestAs(Suzhou);

        var created = await rest.PostAsync("/v1/cases", Complaint());
        var id = created.Text("id");
        var read = await rest.GetAsync($"/v1/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(created.Body.GetRawText(), read.Body.GetRawText());
        Assert.Equal("CASE_STATUS_RECEIVED", read.Text("status"));
        Assert.Equal(Huqiu, read.Text("jurisdictionCode"));
        Assert.Equal(Suzhou, read.Text("holderJurisdictionCode"));
        // int64 travels as a string: this value is past 2^53, where a JSON number would lose its last digit.
        Assert.Equal("9007199254740993", read.Body.GetProperty("attachments")[0].GetProperty("sizeBytes").GetString());
        var viaGrpc = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As(Suzhou)).GetCaseAsync(new GetCaseRequest { Id = id });
        Assert.Equal(Channel.Hotline12369, viaGrpc.Channel);
        Assert.Equal(9007199254740993L, viaGrpc.Attachments[0].SizeBytes);
    }

    [Fact]
    public async Task A_case_is_assigned_down_over_REST_and_its_history_shows_it()
    {
        var province = host.RestAs(Jiangsu);
        var id = (await province.PostAsync("/v1/cases", Complaint())).Text("id");

        var assigned = await province.PostAsync($"/v1/cases/{id}:assignDown", new { toJurisdictionCode = Suzhou, workingDays = 10 });
        var history = await host.RestAs(Suzhou).GetAsync($"/v1/cases/{id}/history");
        var verification = await host.RestAs(Suzhou).GetAsync($"/v1/cases/{id}/history:verify");

        Assert.Equal(HttpStatusCode.OK, assigned.Status);
        Assert.Equal("CASE_STATUS_ASSIGNED", assigned.Text("status"));
        Assert.Equal(Suzhou, assigned.Text("holderJurisdictionCode"));
        Assert.Equal("2024-10-16", assigned.Text("deadline")); // ten working days from 27 September, across National Day
        Assert.Equal(["Receive", "AssignDown"], history.Body.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.True(verification.Body.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_case_answers_400_naming_each_field_in_the_body_and_stores_nothing()
    {
        var complaint = Complaint();
        complaint["jurisdictionCode"] = "32050";
        complaint["description"] = "";
        var before = await host.CountAsync<CasesDbContext, CaseEntity>();

        var refused = await host.RestAs(Suzhou).PostAsync("/v1/cases", complaint);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(3, refused.Body.GetProperty("code").GetInt32()); // InvalidArgument
        Assert.Contains("jurisdiction_code:", refused.Text("message"));
        Assert.Equal(["jurisdiction_code", "description"], refused.ViolatedFields());
        Assert.Equal(before, await host.CountAsync<CasesDbContext, CaseEntity>());
    }

    [Fact]
    public async Task A_refused_domain_rule_answers_400_with_the_reason()
    {
        var province = host.RestAs(Jiangsu);
        var id = (await province.PostAsync("/v1/cases", Complaint())).Text("id");
        await province.PostAsync($"/v1/cases/{id}:assignDown", new { toJurisdictionCode = Suzhou, workingDays = 10 });

        var squeezed = await host.RestAs(Suzhou).PostAsync($"/v1/cases/{id}:assignDown", new { toJurisdictionCode = Huqiu, workingDays = 8 });

        Assert.Equal(HttpStatusCode.BadRequest, squeezed.Status);
        Assert.Equal(9, squeezed.Body.GetProperty("code").GetInt32()); // FailedPrecondition
        Assert.Contains("at least 9", squeezed.Text("message"));
    }

    [Fact]
    public async Task Without_a_token_the_routes_answer_401()
    {
        var anonymous = host.RestWithoutToken();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1/cases", Complaint())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/cases/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/cases")).Status);
    }

    [Fact]
    public async Task A_sibling_county_gets_403_for_a_case_it_cannot_reach()
    {
        var id = (await host.RestAs(Wuzhong).PostAsync("/v1/cases", Complaint(Wuzhong))).Text("id");

        var read = await host.RestAs(Huqiu).GetAsync($"/v1/cases/{id}");
        var write = await host.RestAs(Huqiu).PostAsync("/v1/cases", Complaint(Wuzhong));

        Assert.Equal(HttpStatusCode.Forbidden, read.Status);
        Assert.Equal(7, read.Body.GetProperty("code").GetInt32()); // PermissionDenied
        Assert.Contains(Wuzhong, read.Text("message"));
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
    }

    [Fact]
    public async Task An_unknown_case_answers_404()
    {
        var missing = await host.RestAs(Suzhou).GetAsync($"/v1/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(5, missing.Body.GetProperty("code").GetInt32()); // NotFound
        Assert.Contains("was not found", missing.Text("message"));
    }

    [Fact]
    public async Task Cases_are_listed_and_counted_with_query_parameters()
    {
        var kunshan = host.RestAs(Kunshan);
        foreach (var channel in new[] { "CHANNEL_LETTER", "CHANNEL_LETTER", "CHANNEL_HOTLINE_12369" })
            Assert.Equal(HttpStatusCode.OK, (await kunshan.PostAsync("/v1/cases", Complaint(Kunshan, channel))).Status);
        var suzhou = host.RestAs(Suzhou);

        var first = await suzhou.GetAsync($"/v1/cases?jurisdictionCode={Kunshan}&channel=CHANNEL_LETTER&pageSize=1");
        // Proto field names work in the query string as well as lowerCamel ones.
        var second = await suzhou.GetAsync($"/v1/cases?jurisdiction_code={Kunshan}&channel=CHANNEL_LETTER&page_size=1&page_token={Uri.EscapeDataString(first.Text("nextPageToken"))}");
        var counts = await suzhou.GetAsync($"/v1/case-counts?jurisdictionCode={Kunshan}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Body.GetProperty("total").GetInt32());
        var letters = first.Body.GetProperty("cases").EnumerateArray().Concat(second.Body.GetProperty("cases").EnumerateArray()).ToList();
        Assert.Equal(2, letters.Count);
        Assert.All(letters, c => Assert.Equal("CHANNEL_LETTER", c.GetProperty("channel").GetString()));
        Assert.NotEqual(letters[0].GetProperty("id").GetString(), letters[1].GetProperty("id").GetString());
        Assert.Equal("", second.Text("nextPageToken"));
        var kunshanCount = Assert.Single(counts.Body.GetProperty("counts").EnumerateArray());
        Assert.Equal(3, kunshanCount.GetProperty("total").GetInt32());
        Assert.Equal(3, kunshanCount.GetProperty("received").GetInt32());
    }
}
