using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>回访: the office that owes an aired problem's follow-up records its return visit and its follow-up broadcast.</summary>
public sealed class RecordFollowUp(ExposureDbContext db, JurisdictionTree tree, TimeProvider time, ILogger<RecordFollowUp> logger)
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
        problem.RecordFollowUp(new FollowUpReport(visitDate, findings, rectification, column, broadcastDate), actor, BeijingTime.DateOf(now), now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Exposure {ExposureId}: follow-up recorded by {Jurisdiction} ({State})", problem.Id, actor.JurisdictionCode,
            problem.FollowUpStateOn(BeijingTime.DateOf(now)));
        return problem;
    }
}
