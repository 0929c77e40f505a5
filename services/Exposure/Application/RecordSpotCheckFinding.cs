using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>The office that drew a sample records what its check of one sampled problem found.</summary>
public sealed class RecordSpotCheckFinding(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, TimeProvider time)
{
    public const string Operation = "RecordSpotCheckFinding";

    public async Task<SpotCheck> HandleAsync(string spotCheckId, string exposureId, bool rectificationHeld, bool accountabilityHeld, string finding,
        Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        // The route names the spot check as the resource acted on, as cases' steps name their case: unknown is NotFound.
        var check = await db.SpotChecks.Include(s => s.Findings).FirstOrDefaultAsync(s => s.Id == spotCheckId, cancellationToken)
            ?? throw new EntityNotFoundException("SpotCheck", spotCheckId);
        records.EnsureWithin(actor, check.JurisdictionCode, Operation);
        check.RecordFinding(exposureId, rectificationHeld, accountabilityHeld, finding, actor, time.GetStoredUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another request recorded this problem's finding between the read and this save: the same refusal as above.
            db.ChangeTracker.Clear();
            if (await db.Set<SpotCheckFinding>().AnyAsync(f => f.SpotCheckId == check.Id && f.ExposureId == exposureId, cancellationToken))
                throw new DomainRuleException($"The finding on problem {exposureId} is already recorded.", "exposure_id");
            throw new ConcurrentChangeException("SpotCheck", check.Id, e);
        }
        return check;
    }
}
