using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.ServiceDefaults.HealthReporting;

/// <summary>
/// grpc.health.v1 Check and Watch answer from results refreshed in the background rather than running every check per
/// call: a probe (or anyone) calling Check in a loop cost every database a connection per call and wrote the calendar's
/// Degraded warning each time. <c>/health</c> still runs the checks when asked; its per-check log lines are replaced by
/// <see cref="HealthStateCache"/>'s one line per change of state.
/// </summary>
public static class HealthReportingRegistration
{
    /// <summary>How often the checks run in the background, and so how old a gRPC Check answer may be (default 5 s).</summary>
    public const string RefreshPeriodKey = "Health:RefreshPeriod";

    /// <summary>ASP.NET's health check service logs each check's result on every run (Degraded as a warning, and so on).</summary>
    public const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static IHostApplicationBuilder AddCachedHealthReporting(this IHostApplicationBuilder builder)
    {
        var period = builder.Configuration.GetValue(RefreshPeriodKey, TimeSpan.FromSeconds(5));
        builder.Services.Configure<GrpcHealthChecksOptions>(o => o.UseHealthChecksCache = true);
        // The first run is HealthStateCache's, once start-up is over; the publisher service's own first run waits a period.
        builder.Services.Configure<HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (period, period));
        builder.Services.AddSingleton<HealthStateCache>();
        builder.Services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<HealthStateCache>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HealthStateCache>());
        builder.Logging.AddFilter(HealthCheckServiceCategory, LogLevel.Critical);
        return builder;
    }
}
