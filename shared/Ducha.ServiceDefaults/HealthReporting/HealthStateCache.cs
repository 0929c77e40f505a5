using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.ServiceDefaults.HealthReporting;

/// <summary>
/// Two things for the health checks run in the background (by ASP.NET's publisher service, every
/// <see cref="HealthReportingRegistration.RefreshPeriodKey"/>), whose results grpc.health.v1 Check and Watch answer from
/// (GrpcHealthChecksOptions.UseHealthChecksCache):
/// <list type="bullet">
/// <item>the first results, computed once start-up has finished (migrations applied, Kestrel listening) and before
/// <c>StartAsync</c> returns, so Check never answers "unknown service" for lack of a first run, and no run during
/// start-up (databases not migrated yet) is taken for an outage;</item>
/// <item>the log: one line when a check changes state (Degraded a warning, Unhealthy an error with the exception once,
/// back to Healthy an information line), in place of ASP.NET's line per check per run, which wrote the calendar's
/// Degraded warning on every probe and every Check call.</item>
/// </list>
/// </summary>
public sealed class HealthStateCache(HealthCheckService checks, IServiceProvider services, ILogger<HealthStateCache> logger)
    : IHealthCheckPublisher, IHostedLifecycleService
{
    private readonly ConcurrentDictionary<string, HealthStatus> _states = new();
    private static readonly TimeSpan FirstRunLimit = TimeSpan.FromSeconds(10);
    private volatile bool _started;

    /// <summary>Results published before start-up finished are not states of a running service: not logged, not kept.</summary>
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        if (!_started) return Task.CompletedTask;
        foreach (var (name, entry) in report.Entries)
        {
            var before = _states.TryGetValue(name, out var known) ? known : HealthStatus.Healthy;
            _states[name] = entry.Status;
            if (entry.Status == before) continue;
            switch (entry.Status)
            {
                case HealthStatus.Healthy:
                    logger.LogInformation("Health check {HealthCheck} is Healthy again (was {Before}): {Description}", name, before, entry.Description);
                    break;
                case HealthStatus.Degraded:
                    logger.LogWarning(entry.Exception, "Health check {HealthCheck} is Degraded (was {Before}): {Description}", name, before, entry.Description);
                    break;
                default:
                    logger.LogError(entry.Exception, "Health check {HealthCheck} is Unhealthy (was {Before}): {Description}", name, before, entry.Description);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Runs after every hosted service has started: the migrators are done, the server listens.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        _started = true;
        // A check that hangs (a database that does not answer) must not hold start-up: the background run will publish.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(FirstRunLimit);
        try
        {
            var report = await checks.CheckHealthAsync(limit.Token);
            // Every publisher: the gRPC health service's (which fills what Check answers from) and this one (the log),
            // resolved now since this class is one of them.
            await Task.WhenAll(services.GetServices<IHealthCheckPublisher>().Select(p => p.PublishAsync(report, limit.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The first health check run took longer than {Limit}; gRPC health answers once a background run completes", FirstRunLimit);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
