using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>The register of targets a level draws from: every target within it.</summary>
public sealed class ListTargets(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListTargets";

    public Task<(List<InspectionTarget> Rows, string NextPageToken)> HandleAsync(string jurisdictionCode, int pageSize, string? pageToken, Actor actor,
        CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var prefix = DrawProcedure.SignificantPrefix(jurisdictionCode);
        return DrawRules.PageAsync(db.InspectionTargets.AsNoTracking().Where(t => t.JurisdictionCode.StartsWith(prefix)), "targets-v1", pageSize, pageToken,
            cancellationToken);
    }
}
