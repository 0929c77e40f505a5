using Ducha.BuildingBlocks.Time;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>
/// Tells each column's office, once per period, when its schedule falls short of the minimum while there is still time,
/// and when the minimum can no longer be reached (<see cref="ScheduleSignal.Due"/>).
/// </summary>
public sealed class ScheduleWatch(IServiceScopeFactory scopes, WorkingCalendar calendar, TimeProvider time, ILogger<ScheduleWatch> logger) : BackgroundService, IClockWatch
{
    public string Name => "exposure.schedule-watch";

    public async Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken) => $"{await SweepAsync(now, cancellationToken)} schedule signals";

    /// <summary>Hourly: a day's programme is planned hours ahead, and a signal an hour late still leaves the day to act.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var raised = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (raised > 0) logger.LogInformation("Schedule watch: {Raised} signals raised", raised);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Schedule watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as of <paramref name="now"/>; each column is its own unit of work, saved with its events.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        List<string> columnIds;
        await using (var scope = scopes.CreateAsyncScope())
            columnIds = await scope.ServiceProvider.GetRequiredService<ExposureDbContext>().Columns
                .Where(c => c.StartDate <= today).Select(c => c.Id).ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var columnId in columnIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                raised += await SweepColumnAsync(scope.ServiceProvider, columnId, today, now, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsConflict())
            {
                logger.LogInformation("Column {ColumnId}: another watch raised its signal first", columnId);
            }
        }
        return raised;
    }

    private async Task<int> SweepColumnAsync(IServiceProvider services, string columnId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ExposureDbContext>();
        var column = await db.Columns.AsNoTracking().SingleAsync(c => c.Id == columnId, cancellationToken);
        // The running period and the one before it, so a miss that became certain while the watch was down is still told.
        var from = column.Period == RhythmPeriod.Week ? today.AddDays(-7) : today.AddMonths(-1);
        var (first, last) = (from.AddMonths(-1), today.AddMonths(1));
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.ColumnId == columnId && p.AirDate >= first && p.AirDate <= last).ToListAsync(cancellationToken);
        var raised = (await db.ScheduleSignals.AsNoTracking().Where(s => s.ColumnId == columnId && s.PeriodStart >= first)
            .Select(s => new { s.PeriodStart, s.Kind }).ToListAsync(cancellationToken)).Select(s => (s.PeriodStart, s.Kind)).ToHashSet();
        var due = ScheduleSignal.Due(column, ColumnCompliance.Compute(column, programmes, from, today, today, calendar), today, raised, now);
        if (due.Count == 0) return 0;
        var outbox = services.GetRequiredService<EventOutbox<ExposureDbContext>>();
        foreach (var signal in due)
        {
            db.ScheduleSignals.Add(signal);
            var p = signal.Period!;
            if (signal.Kind == ScheduleSignalKind.ScheduleShort)
                outbox.Add(new ScheduleShort(column.Id, column.JurisdictionCode, column.Name, p.Start, p.End, p.Minimum, p.Planned, p.Aired, now));
            else
                outbox.Add(new MinimumMissed(column.Id, column.JurisdictionCode, column.Name, p.Start, p.End, p.Minimum, p.Planned, p.Aired, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
