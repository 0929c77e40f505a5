using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>A spot check with everything needed to draw its sample again (seed, procedure, candidates, count) and its findings.</summary>
public sealed class GetSpotCheck(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records)
{
    public const string Operation = "GetSpotCheck";

    public async Task<SpotCheck> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetAccountabilityReport.Readers);
        var check = await db.SpotChecks.AsNoTracking().Include(s => s.Findings).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("SpotCheck", id);
        records.EnsureWithin(actor, check.JurisdictionCode, Operation);
        return check;
    }
}
