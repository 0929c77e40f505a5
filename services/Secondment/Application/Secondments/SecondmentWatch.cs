using Ducha.BuildingBlocks.Time;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Calendar;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>
/// Watches the terms' dates: from a term's rotation due date it raises <c>secondment.rotation-due</c> once, and the day
/// after its last day it records the end and raises <c>secondment.secondment-ended</c> once, so Cases lets the cadre
/// act for the home unit again without anyone ending the term by hand.
/// </summary>
public sealed class SecondmentWatch(IServiceScopeFactory scopes, TimeProvider time, ILogger<SecondmentWatch> logger) : BackgroundService, IClockWatch
{
    public string Name => "secondment.term-watch";

    public async Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken) => (await SweepAsync(now, cancellationToken)).ToString();

    /// <summary>Hourly: a term's end or reminder is announced within the first hour of its day.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var (ended, due) = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (ended + due > 0) logger.LogInformation("Secondment watch: {Ended} terms ended, {Due} rotations due", ended, due);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Secondment watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as of <paramref name="now"/>; each batch commits its marks with their events.</summary>
    public async Task<(int Ended, int RotationsDue)> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        var (ended, due) = (0, 0);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<SecondmentDbContext>();
            var outbox = services.GetRequiredService<EventOutbox<SecondmentDbContext>>();
            var reach = services.GetRequiredService<SecondmentReach>();
            var expired = await db.Secondments.Where(s => s.EndedDate == null && s.EndDate < today).OrderBy(s => s.EndDate).Take(Batch).ToListAsync(cancellationToken);
            var reminded = await db.Secondments
                .Where(s => s.RotationAnnouncedAt == null && s.EndedDate == null && s.RotationDueDate <= today && s.EndDate >= today)
                .OrderBy(s => s.RotationDueDate).Take(Batch).ToListAsync(cancellationToken);
            foreach (var term in expired.Where(t => t.Expire(today)))
            {
                var actor = new Actor("secondment", Role.Service, term.JurisdictionCode, reach.LevelOf(term.JurisdictionCode));
                await services.GetRequiredService<ISecondmentHistory>().AppendAsync(term.JurisdictionCode, "secondment.ended", term.Id,
                    new { term.Id, term.CadreId, term.EndedDate, term.EndedReason }, actor, cancellationToken);
                outbox.Add(new SecondmentEnded(term.Id, term.CadreId, term.Subject, term.JurisdictionCode, term.HomeUnit, term.EndDate, SecondmentTerm.TermExpired, now));
                ended++;
            }
            foreach (var term in reminded.Where(t => t.AnnounceRotation(today, now)))
            {
                outbox.Add(new RotationDue(term.Id, term.CadreId, term.JurisdictionCode, term.PostName, term.EndDate, term.SuccessorCadreId, now));
                due++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A sibling replica's watch, or a request ending a term or appending to the level's history, came first;
                // what it stored stands and the next pass takes up what is left.
                logger.LogInformation("Secondment watch: another writer changed this batch first");
                return (ended, due);
            }
            if (expired.Count < Batch && reminded.Count < Batch) return (ended, due);
        }
    }
}
