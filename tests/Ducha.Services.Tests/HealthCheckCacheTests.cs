using Grpc.Health.V1;
using Microsoft.Extensions.Logging;

namespace Ducha.Services.Tests;

/// <summary>
/// grpc.health.v1 Check answers from results refreshed in the background: a load balancer or a loop calling it does
/// not run every health check per call, and the calendar's Degraded state (this host's clock is in the calendar's last
/// 60 days) is written when it is found, not on every call.
/// </summary>
[Collection(LoggedStandaloneCollection.Name)]
public sealed class HealthCheckCacheTests(LoggedStandaloneFixture host)
{
    [Fact]
    public async Task Many_Check_calls_write_the_Degraded_calendar_at_most_once()
    {
        var health = new Health.HealthClient(host.Channel);
        var answers = new List<HealthCheckResponse.Types.ServingStatus>();

        var logged = await host.LoggedDuringAsync(async () =>
        {
            for (var i = 0; i < 300; i++)
                answers.Add((await health.CheckAsync(new HealthCheckRequest { Service = i % 2 == 0 ? "" : "ducha.cases.v1.Cases" })).Status);
        });

        // Degraded still serves: traffic keeps flowing while operators add next year's calendar.
        Assert.All(answers, a => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, a));
        var warnings = logged.Where(r => r.Level >= LogLevel.Warning && r.Message.Contains("working-day-calendar", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count <= 1, $"{warnings.Count} warnings:\n" + string.Join("\n", warnings.Take(3).Select(r => $"{r.Category}: {r.Message}")));
    }

    [Fact]
    public async Task The_Degraded_calendar_was_written_once_when_the_host_started()
    {
        var health = new Health.HealthClient(host.Channel);
        for (var i = 0; i < 20; i++) await health.CheckAsync(new HealthCheckRequest());

        var degraded = host.Log.GetSnapshot().Where(r => r.Level == LogLevel.Warning
            && r.Message.StartsWith("Health check working-day-calendar is Degraded", StringComparison.Ordinal)).ToList();

        var line = Assert.Single(degraded);
        Assert.Contains("2026-12-31", line.Message);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task An_unknown_service_is_still_NotFound()
    {
        var health = new Health.HealthClient(host.Channel);

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.NotFound, error.StatusCode);
    }
}
