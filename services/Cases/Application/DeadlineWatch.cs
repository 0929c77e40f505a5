using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Reference.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Cases.Application;

/// <summary>What one pass of the deadline watch did.</summary>
public sealed record DeadlineSweep(int Delivered, int Reminded, int Overdue, int StopAlerts);

/// <summary>
/// 督 without anyone asking: announces night-time hops when they are delivered at 08:00, reminds holders before their
/// deadline, announces each deadline that passes with the case still open, and raises the "长停久治、久治不验" alert for
/// stop orders not checked by their verification date (001 §一). Each announcement is made once and kept in the history.
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, WorkingCalendar calendar, IConfiguration configuration, TimeProvider time,
    ILogger<DeadlineWatch> logger) : BackgroundService
{
    public const string IntervalKey = "Cases:DeadlineWatchInterval", ReminderKey = "Cases:ReminderWorkingDays";
    private static readonly CaseActor Watch = new("deadline-watch", "system", "", "system");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(IntervalKey, TimeSpan.FromMinutes(1)), time);
        do
        {
            try
            {
                var sweep = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (sweep != new DeadlineSweep(0, 0, 0, 0))
                    logger.LogInformation("Deadline watch: {Delivered} delivered, {Reminded} reminded, {Overdue} overdue, {StopAlerts} stop alerts",
                        sweep.Delivered, sweep.Reminded, sweep.Overdue, sweep.StopAlerts);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deadline watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as of <paramref name="now"/>; everything found is written with its events in one transaction.</summary>
    public async Task<DeadlineSweep> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<CaseJournal>().At(now);
        var db = journal.Db;
        var today = journal.Today;

        var deliveries = await db.Assignments.Where(a => !a.DeliveryAnnounced && a.DeliveredAt <= now).ToListAsync(cancellationToken);
        foreach (var hop in deliveries)
        {
            var @case = await journal.LoadAsync(hop.CaseId, cancellationToken);
            hop.AnnounceDelivery();
            await journal.RecordAsync(@case, "Deliver", @case.Status, Watch with { JurisdictionCode = hop.ToJurisdictionCode },
                $"delivered to {hop.To} at {TimeZoneInfo.ConvertTime(hop.DeliveredAt, BeijingTime.Zone):yyyy-MM-dd HH:mm} after quiet hours; due {hop.Deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new CaseDelivered(@case.Id, @case.JurisdictionCode, hop.ToJurisdictionCode, hop.ToUnit, hop.Deadline, hop.DeliveredAt));
        }

        CaseStatus verified = CaseStatus.Verified, closed = CaseStatus.Closed;
        var open = db.Cases.Where(c => c.Deadline != null && c.Status != verified && c.Status != closed);

        var overdue = await open.Where(c => c.Deadline < today && (c.OverdueAnnouncedFor == null || c.OverdueAnnouncedFor != c.Deadline))
            .ToListAsync(cancellationToken);
        foreach (var @case in overdue)
        {
            var deadline = @case.Deadline!.Value;
            @case.AnnounceOverdue(deadline);
            await journal.RecordAsync(@case, "Overdue", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"{@case.Holder} missed its deadline {deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new CaseOverdue(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, @case.HolderUnit, deadline, @case.Status.ToString(), now));
        }

        var reminded = 0;
        var reminderDays = configuration.GetValue(ReminderKey, 1);
        // Enough calendar days to hold the reminder's working days across the longest holiday week.
        var horizon = today.AddDays(reminderDays + 10);
        var nearing = await open.Where(c => c.Deadline >= today && c.Deadline <= horizon && (c.RemindedFor == null || c.RemindedFor != c.Deadline))
            .ToListAsync(cancellationToken);
        foreach (var @case in nearing)
        {
            var deadline = @case.Deadline!.Value;
            int left;
            try { left = calendar.CountWorkingDays(today, deadline); }
            catch (CalendarRangeException ex) { logger.LogWarning("No reminder for case {CaseId}: {Reason}", @case.Id, ex.Message); continue; }
            if (left > reminderDays) continue;
            @case.Remind(deadline);
            db.Supervisions.Add(new CaseSupervision
            {
                CaseId = @case.Id, Number = await journal.NextNumberAsync<CaseSupervision>(@case.Id, cancellationToken), Kind = SupervisionKind.Reminder,
                Note = $"距办理期限 {deadline:yyyy-MM-dd} 还有 {left} 个工作日", At = now,
            });
            await journal.RecordAsync(@case, "Remind", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"{@case.Holder}: {left} working days left to {deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new DeadlineReminder(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, @case.HolderUnit, deadline, left, now));
            reminded++;
        }

        var stops = await db.Measures.Where(m => m.VerificationDate < today && m.VerifiedAt == null && m.AlertRaisedAt == null).ToListAsync(cancellationToken);
        var alerts = 0;
        foreach (var measure in stops.Where(m => m.IsStop))
        {
            var @case = await journal.LoadAsync(measure.CaseId, cancellationToken);
            measure.RaiseAlert(now);
            await journal.RecordAsync(@case, "StopVerificationOverdue", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"measure {measure.Number} ({measure.Kind}) not verified by {measure.VerificationDate:yyyy-MM-dd} (长停久治、久治不验)", cancellationToken);
            journal.Publish(new StopVerificationOverdue(@case.Id, @case.JurisdictionCode, measure.Number, measure.Kind.ToString(), measure.VerificationDate!.Value, now));
            alerts++;
        }

        await journal.SaveAsync(cancellationToken);
        return new DeadlineSweep(deliveries.Count, reminded, overdue.Count, alerts);
    }
}
