using Ducha.BuildingBlocks.Time;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// Keeps each jurisdiction's cadence: when a period is over its draft is generated, for an office to review and
/// publish; a period not published by the end of the first working day that follows it raises
/// <c>disclosure.bulletin-overdue</c>, once — also when it was published late between two passes of the watch.
/// </summary>
public sealed class BulletinWatch(IServiceScopeFactory scopes, JurisdictionTree tree, WorkingCalendar calendar, TimeProvider time, IConfiguration configuration,
    ILogger<BulletinWatch> logger) : BackgroundService, IClockWatch
{
    public string Name => "disclosure.bulletin-watch";

    public async Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken) => (await SweepAsync(cancellationToken)).ToString();

    private readonly TimeSpan _interval = configuration.GetValue("Disclosure:BulletinWatchInterval", TimeSpan.FromMinutes(15));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, time);
        do
        {
            try
            {
                var (drafted, overdue) = await SweepAsync(stoppingToken);
                if (drafted + overdue > 0) logger.LogInformation("Bulletin watch: {Drafted} drafts generated, {Overdue} periods announced overdue", drafted, overdue);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Bulletin watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as of the clock's now: each cadence in its own unit of work.</summary>
    public async Task<(int Drafted, int Overdue)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetStoredUtcNow();
        var today = BeijingTime.DateOf(now);
        List<BulletinCadence> cadences;
        await using (var scope = scopes.CreateAsyncScope())
            cadences = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().BulletinCadences.AsNoTracking().ToListAsync(cancellationToken);
        var (drafted, overdue) = (0, 0);
        foreach (var cadence in cadences)
        {
            foreach (var period in cadence.EndedBefore(today, calendar, limit: 30))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
                var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.JurisdictionCode == cadence.JurisdictionCode && b.PeriodStart == period.Start
                    && b.PeriodEnd == period.End, cancellationToken);
                if (bulletin is null)
                {
                    bulletin = await scope.ServiceProvider.GetRequiredService<DraftBulletin>().DraftAsync(tree.Get(cadence.JurisdictionCode), period, cancellationToken);
                    drafted++;
                }
                var dueBy = period.DueBy(calendar);
                if (today <= dueBy || !cadence.Binds(dueBy) || bulletin.OverdueAnnouncedAt is not null) continue;
                var tracked = await db.Bulletins.FirstAsync(b => b.Id == bulletin.Id, cancellationToken);
                if (!tracked.AnnounceOverdue(dueBy, now)) continue;
                scope.ServiceProvider.GetRequiredService<EventOutbox<DisclosureDbContext>>()
                    .Add(new BulletinOverdue(tracked.Id, tracked.JurisdictionCode, period.Start, period.End, dueBy, now));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    overdue++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    logger.LogInformation("Bulletin {BulletinId}: another watch announced it overdue first", tracked.Id);
                }
            }
        }
        return (drafted, overdue);
    }
}
