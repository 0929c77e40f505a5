using System.Net;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>趋势: cases in, closed and open per day or week, as the overview's trend chart reads them.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class CaseTrendTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private CasesClient As(string code) => new(host.As(code));

    private static CountCasesOverTimeRequest Days(string code) =>
        new() { JurisdictionCode = code, From = "2024-09-23", To = "2024-10-06", Interval = TrendInterval.Day };

    [Fact]
    public async Task A_case_received_and_one_closed_today_show_in_todays_point_and_future_days_are_left_out()
    {
        var before = await As("320500").CountCasesOverTimeAsync(Days("320505"));
        await _steps.ClosedAsync();
        await As("320505").CreateCaseAsync(CasesApiTests.ValidCase("320505"));

        var after = await As("320500").CountCasesOverTimeAsync(Days("320505"));

        // 23 to 27 September: the days up to the host's today (Friday the 27th); the 28th has not begun.
        Assert.Equal(["2024-09-23", "2024-09-24", "2024-09-25", "2024-09-26", "2024-09-27"], after.Points.Select(p => p.Start));
        var (was, now) = (before.Points[^1], after.Points[^1]);
        Assert.Equal((was.Received + 2, was.Closed + 1, was.OpenAtEnd + 1), (now.Received, now.Closed, now.OpenAtEnd));
        Assert.Equal(before.Points.Take(4), after.Points.Take(4));
        // Open at today's end is every case of the county not closed now, as CountCases counts them.
        var counts = (await As("320500").CountCasesAsync(new CountCasesRequest { JurisdictionCode = "320505" })).Counts.Single();
        Assert.Equal(counts.Total - counts.Closed, now.OpenAtEnd);
    }

    [Fact]
    public async Task Weeks_are_whole_iso_weeks_and_a_sibling_is_refused()
    {
        var weeks = await As("320500").CountCasesOverTimeAsync(new CountCasesOverTimeRequest
        {
            JurisdictionCode = "320505", From = "2024-09-11", To = "2024-09-27", Interval = TrendInterval.Week,
        });
        var sibling = await Assert.ThrowsAsync<RpcException>(() => As("320506").CountCasesOverTimeAsync(Days("320505")).ResponseAsync);

        Assert.Equal([("2024-09-09", "2024-09-15"), ("2024-09-16", "2024-09-22"), ("2024-09-23", "2024-09-29")],
            weeks.Points.Select(p => (p.Start, p.End)));
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    [Theory]
    [InlineData("", "2024-09-27", 1, "from")]
    [InlineData("2024-09-27", "2024-09-01", 1, "to")]
    [InlineData("2024-01-01", "2024-09-27", 1, "to")]
    [InlineData("2024-09-01", "2024-09-27", 0, "interval")]
    [InlineData("2024-9-1", "2024-09-27", 2, "from")]
    public async Task A_period_that_is_no_period_is_refused_naming_the_field(string from, string to, int interval, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => As("320500").CountCasesOverTimeAsync(new CountCasesOverTimeRequest
        {
            From = from, To = to, Interval = (TrendInterval)interval,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Rest_serves_the_trend()
    {
        var answer = await host.RestAs("320500").GetAsync("/v1/case-trend?from=2024-09-23&to=2024-09-27&interval=TREND_INTERVAL_DAY");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(5, answer.Body.GetProperty("points").GetArrayLength());
    }
}
