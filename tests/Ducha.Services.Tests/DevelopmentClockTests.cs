using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Standalone;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>
/// The clock a drill moves: a Development standalone host told to start on 1 April 2026 lives there, moves on when asked
/// — forward only — and every watch makes its pass as of the new moment, so a case's deadline passes without waiting.
/// No such clock outside Development, and none unless asked for.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DevelopmentClockTests(StandaloneFixture fixture)
{
    private static readonly DateTimeOffset April1 = new(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    private static async Task<JsonElement> ClockAsync(HttpClient http, HttpMethod method, string query = "")
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, "/dev/clock" + query));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_moved_clock_runs_every_watch_so_a_deadline_passes_in_a_request()
    {
        await using var host = await StandaloneTestHost.StartAsync(DateTimeOffset.UtcNow, [$"--{DevelopmentClock.Setting}={April1:O}"]);
        using var http = new HttpClient { BaseAddress = host.Address };
        using var channel = GrpcChannel.ForAddress(host.Address);
        var token = host.Services.GetRequiredService<TokenIssuer>().Issue("320500", "office", "clock-test");
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(channel.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; }));

        var started = (await ClockAsync(http, HttpMethod.Get)).GetProperty("now").GetDateTimeOffset();
        var request = CasesApiTests.ValidCase("320505");
        request.CentralInspection = true;
        request.Channel = Channel.InspectionTeam;
        request.OriginalDeadline = "2026-04-10";
        var filed = await cases.CreateCaseAsync(request);
        var moved = await ClockAsync(http, HttpMethod.Post, "?advance=P12D");
        var after = await cases.GetCaseAsync(new GetCaseRequest { Id = filed.Id });
        using var backwards = await http.PostAsync("/dev/clock?to=2026-04-02T08:00:00%2B08:00", null);
        using var garbage = await http.PostAsync("/dev/clock?advance=forever", null);

        Assert.InRange(started, April1, April1.AddMinutes(5));
        Assert.False(filed.Overdue);
        Assert.Equal(new DateOnly(2026, 4, 1), DateOnly.FromDateTime(filed.ReceivedAt.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        Assert.InRange(moved.GetProperty("now").GetDateTimeOffset(), April1.AddDays(12), April1.AddDays(12).AddMinutes(5));
        var watches = moved.GetProperty("watches").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["cases.deadline-watch", "disclosure.bulletin-watch", "exposure.follow-up-watch", "exposure.schedule-watch", "secondment.term-watch"], watches);
        Assert.True(after.Overdue);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (backwards.StatusCode, garbage.StatusCode));
    }

    [Fact]
    public async Task Outside_Development_the_setting_stops_the_host_and_without_it_there_is_no_clock_to_move()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            StandaloneApp.Create(["--environment=Production", $"--{DevelopmentClock.Setting}={April1:O}"]));
        using var absent = await fixture.Http.PostAsync("/dev/clock?advance=P1D", null);

        Assert.Contains("Development only", refused.Message, StringComparison.Ordinal);
        // Not mapped: an anonymous caller meets the host's sign-in demand (401), as on any path that does not exist.
        Assert.Contains(absent.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
    }
}
