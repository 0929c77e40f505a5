using Ducha.BuildingBlocks.Time;
using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Reference.Calendar;
using Ducha.Cases.Data;

namespace Ducha.Cases.Application;

/// <summary>What one pass of the deadline watch did.</summary>
public sealed record DeadlineSweep(int Delivered, int Reminded, int Overdue, int StopAlerts, int Recounted = 0);

/// <summary>
/// 督 without anyone asking: announces night-time hops when they are delivered at 08:00, reminds holders before their
/// deadline, announces each deadline that passes with the case still open, and raises the "长停久治、久治不验" alert for
/// stop orders not checked by their verification date (a stop is a measure to verify, not a way to shelve a problem).
/// Each announcement is made once and kept in the history.
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, WorkingCalendar calendar, AssignmentRules rules, CaseRuleSettings settings, TimeProvider time,
    ILogger<DeadlineWatch> logger) : BackgroundService, IClockWatch
{
    public string Name => "cases.deadline-watch";

    public async Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken) => (await SweepAsync(now, cancellationToken)).ToString();

    private static readonly CaseActor Watch = new("deadline-watch", "system", "", "system");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.DeadlineWatchInterval, time);
        do
        {
            try
            {
                var sweep = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (sweep != new DeadlineSweep(0, 0, 0, 0))
                    logger.LogInformation("Deadline watch: {Delivered} delivered, {Reminded} reminded, {Overdue} overdue, {StopAlerts} stop alerts, {Recounted} recounted",
                        sweep.Delivered, sweep.Reminded, sweep.Overdue, sweep.StopAlerts, sweep.Recounted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deadline watch pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One pass as of <paramref name="now"/>. Each case is its own unit of work, written with its events: a case someone
    /// changes during the pass (or another replica's watch got to first) is left for the next pass, never the whole pass.
    /// </summary>
    public async Task<DeadlineSweep> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = new DeadlineSweep(0, 0, 0, 0);
        foreach (var caseId in await DueCasesAsync(now, cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var journal = scope.ServiceProvider.GetRequiredService<CaseJournal>().At(now);
            try
            {
                var done = await SweepCaseAsync(journal, caseId, cancellationToken);
                await journal.SaveAsync(cancellationToken);
                total = new(total.Delivered + done.Delivered, total.Reminded + done.Reminded, total.Overdue + done.Overdue, total.StopAlerts + done.StopAlerts,
                    total.Recounted + done.Recounted);
            }
            catch (ConcurrentChangeException)
            {
                logger.LogInformation("Case {CaseId} changed while the deadline watch looked at it; it is looked at again next pass", caseId);
            }
        }
        return total;
    }

    /// <summary>The cases with something to announce, found without loading them.</summary>
    private async Task<IReadOnlyCollection<string>> DueCasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var today = BeijingTime.DateOf(now);
        var due = new HashSet<string>(StringComparer.Ordinal);
        due.UnionWith(await Undelivered(db, now).Select(a => a.CaseId).ToListAsync(cancellationToken));
        due.UnionWith(await Overdue(db, today).Select(c => c.Id).ToListAsync(cancellationToken));
        foreach (var near in await Nearing(db, today).Select(c => new { c.Id, c.Deadline }).ToListAsync(cancellationToken))
            if (WorkingDaysLeft(near.Id, today, near.Deadline!.Value) is not null) due.Add(near.Id);
        due.UnionWith(await UncheckedStops(db, today).Select(m => m.CaseId).ToListAsync(cancellationToken));
        due.UnionWith(await Provisional(db).Select(a => a.CaseId).ToListAsync(cancellationToken));
        return due;
    }

    private async Task<DeadlineSweep> SweepCaseAsync(CaseJournal journal, string caseId, CancellationToken cancellationToken)
    {
        var db = journal.Db;
        var now = journal.Now;
        var today = journal.Today;
        var @case = await journal.LoadAsync(caseId, cancellationToken);

        var hops = await Provisional(db).AnyAsync(a => a.CaseId == caseId, cancellationToken)
            ? await db.Assignments.Where(a => a.CaseId == caseId).ToListAsync(cancellationToken) : [];
        var recounted = 0;
        if (hops.Count > 0 && @case.RecountDeadlines(hops, rules, now) is { Hops: > 0 } recount)
        {
            await journal.RecordAsync(@case, "RecountDeadline", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"{recount.Hops} provisional deadline(s) counted again on the calendar to {calendar.LastDate:yyyy-MM-dd}"
                + (recount.Before == recount.After ? "" : $"; the holder's deadline moves from {recount.Before:yyyy-MM-dd} to {recount.After:yyyy-MM-dd}"), cancellationToken);
            journal.Publish(new DeadlineRecomputed(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, @case.HolderUnit, recount.Before, recount.After,
                @case.Deadline is { } d && calendar.IsProvisional(d), now));
            recounted = 1;
        }

        var deliveries = await Undelivered(db, now).Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var hop in deliveries)
        {
            hop.AnnounceDelivery();
            await journal.RecordAsync(@case, "Deliver", @case.Status, Watch with { JurisdictionCode = hop.ToJurisdictionCode },
                $"delivered to {hop.To} at {TimeZoneInfo.ConvertTime(hop.DeliveredAt, BeijingTime.Zone):yyyy-MM-dd HH:mm} after quiet hours; due {hop.Deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new CaseDelivered(@case.Id, @case.JurisdictionCode, hop.ToJurisdictionCode, hop.ToUnit, hop.Deadline, hop.DeliveredAt,
                hop.DeadlineProvisionalAfter is not null));
        }

        var overdue = await Overdue(db, today).AnyAsync(c => c.Id == caseId, cancellationToken);
        if (overdue)
        {
            var deadline = @case.Deadline!.Value;
            @case.AnnounceOverdue(deadline);
            await journal.RecordAsync(@case, "Overdue", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"{@case.Holder} missed its deadline {deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new CaseOverdue(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, @case.HolderUnit, deadline, @case.Status.ToString(), now,
                calendar.IsProvisional(deadline)));
        }

        int? left = await Nearing(db, today).AnyAsync(c => c.Id == caseId, cancellationToken) ? WorkingDaysLeft(caseId, today, @case.Deadline!.Value) : null;
        if (left is not null)
        {
            var deadline = @case.Deadline!.Value;
            @case.Remind(deadline);
            db.Supervisions.Add(new CaseSupervision
            {
                CaseId = @case.Id, Number = await journal.NextNumberAsync<CaseSupervision>(@case.Id, cancellationToken), Kind = SupervisionKind.Reminder,
                Note = $"距办理期限 {deadline:yyyy-MM-dd} 还有 {left} 个工作日", At = now,
            });
            await journal.RecordAsync(@case, "Remind", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"{@case.Holder}: {left} working days left to {deadline:yyyy-MM-dd}", cancellationToken);
            journal.Publish(new DeadlineReminder(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, @case.HolderUnit, deadline, left.Value, now,
                calendar.IsProvisional(deadline)));
        }

        var stops = await UncheckedStops(db, today).Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var measure in stops)
        {
            measure.RaiseAlert(now);
            await journal.RecordAsync(@case, "StopVerificationOverdue", @case.Status, Watch with { JurisdictionCode = @case.HolderJurisdictionCode },
                $"measure {measure.Number} ({measure.Kind}) not verified by {measure.VerificationDate:yyyy-MM-dd} (长停久治、久治不验)", cancellationToken);
            journal.Publish(new StopVerificationOverdue(@case.Id, @case.JurisdictionCode, measure.Number, measure.Kind.ToString(), measure.VerificationDate!.Value, now));
        }

        return new DeadlineSweep(deliveries.Count, left is null ? 0 : 1, overdue ? 1 : 0, stops.Count, recounted);
    }

    /// <summary>Hops whose deadline was counted provisionally on a calendar shorter than today's.</summary>
    private IQueryable<CaseAssignment> Provisional(CasesDbContext db)
    {
        var lastDate = calendar.LastDate;
        return db.Assignments.Where(a => a.DeadlineProvisionalAfter != null && a.DeadlineProvisionalAfter < lastDate);
    }

    /// <summary>Night-time hops whose 08:00 delivery has come and not been announced.</summary>
    private static IQueryable<CaseAssignment> Undelivered(CasesDbContext db, DateTimeOffset now) =>
        db.Assignments.Where(a => !a.DeliveryAnnounced && a.DeliveredAt <= now);

    /// <summary>Open cases past their deadline, each deadline announced once.</summary>
    private static IQueryable<Case> Overdue(CasesDbContext db, DateOnly today) =>
        db.Cases.PastDeadline(today).Where(c => c.OverdueAnnouncedFor == null || c.OverdueAnnouncedFor != c.Deadline);

    /// <summary>Open cases whose deadline is close enough in calendar days that it may be within the reminder's working days.</summary>
    private IQueryable<Case> Nearing(CasesDbContext db, DateOnly today)
    {
        // Enough calendar days to hold the reminder's working days across the longest holiday week.
        var horizon = today.AddDays(ReminderWorkingDays + 10);
        return db.Cases.Running().Where(c => c.Deadline >= today && c.Deadline <= horizon && (c.RemindedFor == null || c.RemindedFor != c.Deadline));
    }

    /// <summary>Stop and shutdown orders not checked on site by their verification date, each alerted once.</summary>
    private static IQueryable<CaseMeasure> UncheckedStops(CasesDbContext db, DateOnly today)
    {
        MeasureKind stop = MeasureKind.Stop, shutdown = MeasureKind.Shutdown;
        return db.Measures.Where(m => m.VerificationDate < today && m.VerifiedAt == null && m.AlertRaisedAt == null && (m.Kind == stop || m.Kind == shutdown));
    }

    private int ReminderWorkingDays => settings.ReminderWorkingDays;

    /// <summary>The working days left to <paramref name="deadline"/> when the reminder is due; null when it is not (yet).</summary>
    private int? WorkingDaysLeft(string caseId, DateOnly today, DateOnly deadline)
    {
        try
        {
            var left = calendar.CountWorkingDays(today, deadline);
            return left <= ReminderWorkingDays ? left : null;
        }
        catch (CalendarRangeException ex)
        {
            logger.LogWarning("No reminder for case {CaseId}: {Reason}", caseId, ex.Message);
            return null;
        }
    }
}
