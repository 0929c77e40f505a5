using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Reference.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// Dates that parse but lie at the ends of what .NET holds (0001-01-01, 9999-12-31): a query or deadline built on them
/// overflowed and answered 500 / INTERNAL. Every route refuses them as bad input, naming the parameter.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class OutOfRangeDateTests(StandaloneFixture host)
{
    private Ducha.Contracts.Cases.V1.Cases.CasesClient Cases => new(host.Invoker);

    [Theory]
    [InlineData("received_from", "0001-01-01")]
    [InlineData("received_to", "9999-12-31")]
    [InlineData("received_from", "9999-12-31")]
    [InlineData("received_to", "0001-01-01")]
    public async Task ListCases_over_gRPC_refuses_a_date_out_of_range_naming_it(string field, string date)
    {
        var request = new ListCasesRequest { JurisdictionCode = "320500" };
        if (field == "received_from") request.ReceivedFrom = date;
        else request.ReceivedTo = date;

        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.ListCasesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, error.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains($"{field}: must be a date between 1900-01-01 and 2199-12-31", error.Status.Detail);
    }

    [Theory]
    [InlineData("receivedFrom=0001-01-01", "received_from")]
    [InlineData("receivedTo=9999-12-31", "received_to")]
    [InlineData("received_from=0001-01-01&receivedTo=9999-12-31", "received_from,received_to")]
    public async Task ListCases_over_REST_answers_400_naming_the_date(string query, string fields)
    {
        var answer = await host.RestAs("320500").GetAsync($"/v1/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(fields.Split(','), answer.ViolatedFields());
    }

    [Fact]
    public async Task A_legacy_deadline_out_of_range_is_refused_at_intake()
    {
        var request = CasesApiTests.ValidCase();
        request.CentralInspection = true;
        request.OriginalDeadline = "9999-12-31";

        var error = await Assert.ThrowsAsync<RpcException>(() => Cases.CreateCaseAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("original_deadline", error.Trailers.GetValue("ducha-invalid-fields"));
    }

    [Theory]
    [InlineData("start_date=0001-01-01", "start_date")]
    [InlineData("start_date=9999-12-31", "start_date")]
    [InlineData("end_date=0001-01-01", "end_date")]
    [InlineData("end_date=9999-12-31T23:59:59Z", "end_date")]
    [InlineData("start_date=9999-12-31T23:59:59%2B08:00", "start_date")]
    public async Task Open311_requests_refuse_a_date_out_of_range_naming_it(string query, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/open311/v2/requests.json?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Tokens.Issue("320500", "office", "hotline-12345"));

        using var response = await host.Http.SendAsync(request);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.StartsWith($"{field}: must be a date-time between 1900-01-01 and 2199-12-31", error.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("from=0001-01-01&days=1", "from")]
    [InlineData("from=9999-12-31&days=1", "from")]
    // Past the last notice days are provisional, for twenty years; a count that runs beyond them is the days parameter's fault.
    [InlineData("from=2040-12-28&days=3660", "days")]
    public async Task Adding_working_days_past_the_calendar_names_the_parameter_at_fault(string query, string field)
    {
        using var response = await host.Http.GetAsync($"/api/calendar/working-days/add?{query}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Adding_working_days_past_the_calendar_over_gRPC_names_days()
    {
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => reference.AddWorkingDaysAsync(new AddWorkingDaysRequest { From = "2040-12-28", Days = 3660 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("days: ", error.Status.Detail);
    }
}
