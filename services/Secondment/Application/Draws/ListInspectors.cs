using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>The register of inspectors of a level, as its draws use it.</summary>
public sealed class ListInspectors(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListInspectors";

    public Task<(List<Inspector> Rows, string NextPageToken)> HandleAsync(string jurisdictionCode, int pageSize, string? pageToken, Actor actor,
        CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        return DrawRules.PageAsync(db.Inspectors.AsNoTracking().Where(i => i.JurisdictionCode == jurisdictionCode), "inspectors-v1", pageSize, pageToken,
            cancellationToken);
    }
}
