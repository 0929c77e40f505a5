using Microsoft.EntityFrameworkCore;

namespace Ducha.WebConsole.Data;

/// <summary>
/// Deletes ended sessions and forms claimed more than ten minutes ago, every few minutes. Each replica sweeps; a row
/// deleted twice is deleted once, so they need not agree on who does it.
/// </summary>
public sealed partial class ConsoleStoreSweeper(IServiceScopeFactory scopes, [FromKeyedServices(WallClock.Key)] TimeProvider clock,
    ILogger<ConsoleStoreSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>Deletes what has expired by now; returns how many sessions and form claims went.</summary>
    public Task<(int Sessions, int Forms)> SweepAsync(CancellationToken cancellationToken) => scopes.WithConsoleDbAsync(async db =>
    {
        var now = clock.GetUtcNow();
        var sessions = await db.SessionTickets.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var forms = await db.FormClaims.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return (sessions, forms);
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (sessions, forms) = await SweepAsync(stoppingToken);
                if (sessions + forms > 0) LogSwept(sessions, forms);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database away for a moment: what is expired is already ignored, and the next sweep deletes it.
                LogSweepFailed(ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Swept {Sessions} ended session(s) and {Forms} expired form claim(s)")]
    private partial void LogSwept(int sessions, int forms);

    [LoggerMessage(LogLevel.Warning, "The console store's sweep failed; it runs again shortly")]
    private partial void LogSweepFailed(Exception exception);
}
