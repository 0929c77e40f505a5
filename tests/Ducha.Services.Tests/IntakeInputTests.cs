using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.Services.Tests;

/// <summary>
/// What a complaint's body and place may be, on every intake: Open311 bodies that cannot be read are the client's
/// fault (400/413/415, never 500), escapes that are not UTF-8 are refused rather than stored as text, and coordinates
/// are both given or neither and lie in the province of the case's jurisdiction.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class IntakeInputTests(StandaloneFixture host)
{
    private const string Huqiu = "320505";
    private const string SuzhouLatitude = "31.38", SuzhouLongitude = "120.47";
    private const string BeijingLatitude = "39.91", BeijingLongitude = "116.40";

    private string Token => host.Tokens.Issue("320500", "office", "hotline-12345");

    /// <summary>A complaint as a form-encoded body, written by hand so broken escapes reach the server as sent.</summary>
    private static string Form(params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = "air",
            ["attribute%5Bjurisdiction_code%5D"] = Huqiu,
            ["attribute%5Bpolluter%5D"] = Uri.EscapeDataString($"某化工厂{Guid.NewGuid().ToString("N")[..8]}"),
            ["address_string"] = Uri.EscapeDataString("苏州市虎丘区浒墅关镇某化工厂"),
            ["description"] = Uri.EscapeDataString("夜间排放刺鼻气体"),
        };
        foreach (var (field, value) in changes)
        {
            if (value is null) fields.Remove(field);
            else fields[field] = value;
        }
        return string.Join("&", fields.Select(f => $"{f.Key}={f.Value}"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpContent content, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = content };
        if (withToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static ByteArrayContent Raw(string body, string contentType = "application/x-www-form-urlencoded")
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static List<string> Descriptions(JsonElement errors) => [.. errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];

    private Task<int> CasesStoredAsync() => host.CountAsync<CasesDbContext, CaseEntity>();

    [Fact]
    public async Task A_multipart_body_that_is_not_multipart_is_a_400_naming_the_body()
    {
        var (status, errors) = await PostAsync(Raw("service_code=air&description=x", "multipart/form-data; boundary=zz"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("body: is not multipart/form-data with the boundary its Content-Type names ('zz')", Assert.Single(Descriptions(errors)));
    }

    [Fact]
    public async Task Without_a_token_an_unreadable_multipart_body_is_a_401_not_a_500()
    {
        var (status, errors) = await PostAsync(Raw("api_key=x", "multipart/form-data; boundary=zz"), withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Single(Descriptions(errors));
    }

    [Fact]
    public async Task A_real_multipart_complaint_is_still_filed()
    {
        using var content = new MultipartFormDataContent();
        foreach (var pair in Form().Split('&').Select(p => p.Split('=')))
            content.Add(new StringContent(Uri.UnescapeDataString(pair[1])), Uri.UnescapeDataString(pair[0]));

        var (status, _) = await PostAsync(content);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_form_larger_than_a_megabyte_is_a_413()
    {
        var before = await CasesStoredAsync();

        var (status, errors) = await PostAsync(Raw(Form(("description", new string('a', 2 * 1024 * 1024)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.StartsWith("body: the form is larger than 1024 KiB", Assert.Single(Descriptions(errors)));
        Assert.Equal(before, await CasesStoredAsync());
    }

    [Theory]
    [InlineData("description", "%FF%FE", "is not UTF-8 text once percent-decoded")]
    [InlineData("description", "%E4%B8", "is not UTF-8 text once percent-decoded")]
    [InlineData("address_string", "x%ZZ", "has a '%' not followed by two hex digits")]
    [InlineData("address_string", "50%", "has a '%' not followed by two hex digits")]
    public async Task An_escape_that_does_not_decode_is_refused_naming_its_field(string field, string value, string problem)
    {
        var before = await CasesStoredAsync();

        var (status, errors) = await PostAsync(Raw(Form((field, value))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith($"{field}: {problem}", Assert.Single(Descriptions(errors)));
        Assert.Equal(before, await CasesStoredAsync());
    }

    [Fact]
    public async Task A_literal_percent_sign_sent_as_25_is_kept()
    {
        var (status, created) = await PostAsync(Raw(Form(("description", Uri.EscapeDataString("超标50%FF区域")))));

        Assert.Equal(HttpStatusCode.Created, status);
        var id = created[0].GetProperty("service_request_id").GetString()!;
        var read = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Invoker).GetCaseAsync(new GetCaseRequest { Id = id });
        Assert.Equal("超标50%FF区域", read.Description);
    }

    [Fact]
    public async Task Open311_coordinates_left_empty_stay_absent_and_half_given_are_refused()
    {
        var (emptyStatus, created) = await PostAsync(Raw(Form(("lat", ""), ("long", ""))));
        var (halfStatus, half) = await PostAsync(Raw(Form(("lat", SuzhouLatitude), ("long", ""))));
        var (zeroStatus, zero) = await PostAsync(Raw(Form(("lat", "0"), ("long", "0"))));

        Assert.Equal(HttpStatusCode.Created, emptyStatus);
        var read = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Invoker).GetCaseAsync(
            new GetCaseRequest { Id = created[0].GetProperty("service_request_id").GetString()! });
        Assert.Null(read.Coordinates);
        Assert.Equal(HttpStatusCode.BadRequest, halfStatus);
        Assert.Equal(["long: is required when lat is given"], Descriptions(half));
        Assert.Equal(HttpStatusCode.BadRequest, zeroStatus);
        Assert.Equal(["lat", "long"], Descriptions(zero).Select(d => d.Split(':')[0]));
    }

    [Fact]
    public async Task Beijing_coordinates_for_a_Suzhou_complaint_are_refused_on_gRPC_REST_and_Open311()
    {
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320500"));
        var grpcRequest = CasesApiTests.ValidCase(Huqiu);
        grpcRequest.Coordinates = new Coordinates { Latitude = double.Parse(BeijingLatitude, CultureInfo.InvariantCulture), Longitude = double.Parse(BeijingLongitude, CultureInfo.InvariantCulture) };
        var before = await CasesStoredAsync();

        var grpc = await Assert.ThrowsAsync<RpcException>(() => cases.CreateCaseAsync(grpcRequest).ResponseAsync);
        var rest = await host.RestAs("320500").PostAsync("/v1/cases", new
        {
            jurisdictionCode = Huqiu, address = "苏州市虎丘区某路", pollutionType = "POLLUTION_TYPE_AIR", description = "夜间排放",
            channel = "CHANNEL_HOTLINE_12369", coordinates = new { latitude = 39.91, longitude = 116.40 },
        });
        var (open311Status, open311) = await PostAsync(Raw(Form(("lat", BeijingLatitude), ("long", BeijingLongitude))));

        Assert.Equal(StatusCode.InvalidArgument, grpc.StatusCode);
        // 116.40°E is within Jiangsu's longitudes (116.3–122.0); only the latitude is out.
        Assert.Equal("coordinates.latitude", grpc.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains("coordinates.latitude: 39.91 lies outside 江苏省", grpc.Status.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, rest.Status);
        Assert.Equal(["coordinates.latitude"], rest.ViolatedFields());
        Assert.Equal(HttpStatusCode.BadRequest, open311Status);
        Assert.StartsWith("lat: 39.91 lies outside 江苏省", Assert.Single(Descriptions(open311)));
        Assert.Equal(before, await CasesStoredAsync());
    }

    [Fact]
    public async Task Suzhou_coordinates_for_a_Suzhou_complaint_pass_on_gRPC_REST_and_Open311()
    {
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320500"));

        var grpc = await cases.CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        var rest = await host.RestAs("320500").PostAsync("/v1/cases", new
        {
            jurisdictionCode = Huqiu, address = "苏州市虎丘区某路", polluter = $"某厂{Guid.NewGuid():N}", pollutionType = "POLLUTION_TYPE_AIR",
            description = "夜间排放", channel = "CHANNEL_HOTLINE_12369", coordinates = new { latitude = 31.38, longitude = 120.47 },
        });
        var (open311Status, _) = await PostAsync(Raw(Form(("lat", SuzhouLatitude), ("long", SuzhouLongitude))));

        Assert.Equal(31.38, grpc.Coordinates.Latitude);
        Assert.Equal(HttpStatusCode.OK, rest.Status);
        Assert.Equal(HttpStatusCode.Created, open311Status);
    }

    [Fact]
    public async Task Empty_coordinates_over_gRPC_stay_absent_and_half_given_ones_are_refused()
    {
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320500"));
        var empty = CasesApiTests.ValidCase(Huqiu);
        empty.Coordinates = new Coordinates();
        var half = CasesApiTests.ValidCase(Huqiu);
        half.Coordinates = new Coordinates { Latitude = 31.38 };

        var stored = await cases.CreateCaseAsync(empty);
        var halfError = await Assert.ThrowsAsync<RpcException>(() => cases.CreateCaseAsync(half).ResponseAsync);

        // proto3 cannot tell {} from (0, 0): a place with no coordinates, not a point in the Gulf of Guinea.
        Assert.Null(stored.Coordinates);
        Assert.Equal(StatusCode.InvalidArgument, halfError.StatusCode);
        Assert.Equal("coordinates.longitude", halfError.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains("coordinates.longitude: is required when coordinates.latitude is given", halfError.Status.Detail);
    }
}
