using Ducha.BuildingBlocks.Time;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Ducha.Reference.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>
/// Tells the offices, once per problem, that an aired problem's follow-up was not done by its deadline
/// (<c>exposure.follow-up-overdue</c>), the day after the deadline.
/// </summary>
public sealed class FollowUpWatch(IServiceScopeFactory scopes, TimeProvider time, ILogger<FollowUpWatch> logger) : BackgroundService, IClockWatch
{
    public string Name => "exposure.follow-up-watch";

    public async Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken) => $"{await SweepAsync(now, cancellationToken)} follow-ups overdue";

    /// <summary>Hourly: an overdue follow-up is announced within the first hour of the day after its deadline.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var raised = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (raised > 0) logger.LogInformation("Follow-up watch: {Raised} follow-ups announced overdue", raised);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Follow-up watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as of <paramref name="now"/>; each batch commits its marks with their events.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        var raised = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExposureDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox<ExposureDbContext>>();
            var due = await db.Exposures
                .Where(p => p.FollowUpDeadline < today && p.OverdueAnnouncedAt == null && (p.ReturnVisit == null || p.FollowUpBroadcast == null))
                .OrderBy(p => p.FollowUpDeadline).Take(Batch).ToListAsync(cancellationToken);
            foreach (var problem in due.Where(p => p.AnnounceOverdue(today, now)))
            {
                var duty = problem.FollowUp!;
                outbox.Add(new FollowUpOverdue(problem.Id, problem.JurisdictionCode, duty.JurisdictionCode, duty.Unit, duty.Deadline,
                    problem.ReturnVisit is not null, problem.FollowUpBroadcast is not null, problem.CaseId, now, problem.PlaceJurisdictionCode));
                raised++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A sibling replica's watch announced these first; its pass stands.
                logger.LogInformation("Follow-up watch: another replica announced this batch first");
                return raised;
            }
            if (due.Count < Batch) return raised;
        }
    }
}
