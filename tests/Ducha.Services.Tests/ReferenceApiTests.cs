using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Contracts.Reference.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class ReferenceApiTests(StandaloneFixture host)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await host.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_jurisdiction_is_answered_with_its_level_and_parent()
    {
        var (status, body) = await GetAsync("/api/jurisdictions/320576");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("320576", body.GetProperty("code").GetString());
        Assert.Equal("苏州工业园区", body.GetProperty("name").GetString());
        Assert.Equal("county", body.GetProperty("level").GetString());
        Assert.Equal("320500", body.GetProperty("parentCode").GetString());
    }

    [Fact]
    public async Task A_province_has_no_parent_and_lists_its_cities()
    {
        var (_, province) = await GetAsync("/api/jurisdictions/320000");
        var (status, children) = await GetAsync("/api/jurisdictions/320000/children");

        Assert.Equal("province", province.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, province.GetProperty("parentCode").ValueKind);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(13, children.GetArrayLength());
        Assert.All(children.EnumerateArray(), c => Assert.Equal("city", c.GetProperty("level").GetString()));
    }

    [Theory]
    [InlineData("/api/jurisdictions/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/jurisdictions/32050", HttpStatusCode.BadRequest)]
    [InlineData("/api/jurisdictions/abcdef/children", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/days/2024-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/days/2016-12-31", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/working-days/add?from=2024-09-27&days=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/working-days/add?from=2024-09-27&days=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/working-days/add?days=5", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_questions_get_a_clear_error(string path, HttpStatusCode expected)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Calendar_days_name_holidays_and_make_up_days()
    {
        var (_, holiday) = await GetAsync("/api/calendar/days/2024-10-03");
        var (_, makeUp) = await GetAsync("/api/calendar/days/2024-09-29");
        var (_, plain) = await GetAsync("/api/calendar/days/2024-11-25");

        Assert.False(holiday.GetProperty("working").GetBoolean());
        Assert.Equal("国庆节", holiday.GetProperty("name").GetString());
        Assert.True(makeUp.GetProperty("working").GetBoolean());
        Assert.Equal("2024-09-29", makeUp.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task Adding_working_days_crosses_the_holiday()
    {
        var answer = await host.Http.GetFromJsonAsync<JsonElement>("/api/calendar/working-days/add?from=2024-09-27&days=5");

        Assert.Equal("2024-09-27", answer.GetProperty("from").GetString());
        Assert.Equal(5, answer.GetProperty("days").GetInt32());
        Assert.Equal("2024-10-10", answer.GetProperty("date").GetString());
    }

    [Fact]
    public async Task The_same_answers_come_over_gRPC()
    {
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(host.Channel);

        var park = await reference.GetJurisdictionAsync(new GetJurisdictionRequest { Code = "320576" });
        var children = await reference.ListChildrenAsync(new ListChildrenRequest { Code = "320500" });
        var date = await reference.AddWorkingDaysAsync(new AddWorkingDaysRequest { From = "2024-09-27", Days = 5 });
        var missing = await Assert.ThrowsAsync<RpcException>(() => reference.GetJurisdictionAsync(new GetJurisdictionRequest { Code = "999999" }).ResponseAsync);
        var beyond = await Assert.ThrowsAsync<RpcException>(() => reference.GetDayAsync(new GetDayRequest { Date = "2099-01-01" }).ResponseAsync);

        Assert.Equal(JurisdictionLevel.County, park.Level);
        Assert.Contains(children.Items, c => c.Name == "昆山市");
        Assert.Equal("2024-10-10", date.Date);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, beyond.StatusCode);
    }
}
