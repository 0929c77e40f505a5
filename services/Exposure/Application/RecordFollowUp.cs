using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>
/// 回访: the office that owes an aired problem's follow-up records its return visit and its follow-up broadcast; each part
/// recorded is announced (<c>exposure.follow-up-recorded</c>) in the same transaction, so no follow-up is kept untold.
/// </summary>
public sealed class RecordFollowUp(ExposureDbContext db, JurisdictionTree tree, EventOutbox<ExposureDbContext> outbox, TimeProvider time,
    ILogger<RecordFollowUp> logger)
{
    public const string Operation = "RecordFollowUp";

    public async Task<ExposureProblem> HandleAsync(string exposureId, DateOnly? visitDate, string? findings, RectificationState? rectification,
        string? broadcastColumnId, DateOnly? broadcastDate, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var problem = await db.Exposures.FirstOrDefaultAsync(p => p.Id == exposureId, cancellationToken)
            ?? throw new EntityNotFoundException("Exposure", exposureId);
        // Whoever cannot see the problem learns nothing of it, not even that it exists.
        if (!problem.CanSee(actor, tree))
            throw new EntityNotFoundException("Exposure", exposureId);
        var column = broadcastColumnId is null ? null
            : await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == broadcastColumnId, cancellationToken)
              ?? throw new RequestValidationException("broadcast.column_id", $"no column has id '{broadcastColumnId}'");
        var now = time.GetStoredUtcNow();
        var today = BeijingTime.DateOf(now);
        problem.RecordFollowUp(new FollowUpReport(visitDate, findings, rectification, column, broadcastDate), actor, today, now);
        var state = problem.FollowUpStateOn(today)!.Value;
        if (visitDate is not null)
            Announce(problem, FollowUpRecorded.ReturnVisit, problem.ReturnVisit!.Date, problem.ReturnVisit.Rectification.ToString(), null, state, now);
        if (broadcastDate is not null)
            Announce(problem, FollowUpRecorded.Broadcast, problem.FollowUpBroadcast!.AirDate, null, problem.FollowUpBroadcast.ColumnId, state, now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Exposure {ExposureId}: follow-up recorded by {Jurisdiction} ({State})", problem.Id, actor.JurisdictionCode, state);
        return problem;
    }

    /// <summary>One event per part, with the public facts only: the visit's findings stay here (see <see cref="FollowUpRecorded"/>).</summary>
    private void Announce(ExposureProblem problem, string part, DateOnly date, string? rectification, string? columnId, FollowUpState state,
        DateTimeOffset now)
    {
        var duty = problem.FollowUp!;
        outbox.Add(new FollowUpRecorded(problem.Id, problem.JurisdictionCode, duty.JurisdictionCode, duty.Unit, duty.Deadline, part, date, rectification,
            columnId, date > duty.Deadline, state.ToString(), problem.CaseId, now));
    }
}
