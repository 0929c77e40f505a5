using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>选题: an office proposes a problem for exposure on its own column.</summary>
public sealed class ProposeExposure(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "ProposeExposure";

    // No event yet: nobody learns of a proposal before it airs, which is the point of keeping it from the places.
    public async Task<ExposureProblem> HandleAsync(string columnId, ProblemReport report, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var column = await db.RequireAsync(columnId, cancellationToken);
        records.EnsureWithin(actor, column.JurisdictionCode, Operation);
        if (tree.Find(report.PlaceJurisdictionCode) is null)
            throw new RequestValidationException("place_jurisdiction_code", $"'{report.PlaceJurisdictionCode}' is not a known GB/T 2260 code");
        var problem = ExposureProblem.Propose(column, tree.Get(column.JurisdictionCode).Level, report, tree, actor, idempotencyKey, time.GetStoredUtcNow());
        return await records.FileAsync(problem, actor, Operation, cancellationToken);
    }
}
