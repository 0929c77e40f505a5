using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>A level's own draws, newest first, each with whether the caller sees its pairs yet.</summary>
public sealed class ListDraws(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListDraws";

    public async Task<(List<(Draw Draw, bool ShowPairs)> Rows, string NextPageToken)> HandleAsync(string jurisdictionCode, int pageSize, string? pageToken,
        Actor actor, CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var (rows, next) = await DrawRules.PageAsync(db.Draws.AsNoTracking().Where(d => d.JurisdictionCode == jurisdictionCode), "draws-v1", pageSize, pageToken,
            cancellationToken, newestFirst: true);
        return ([.. rows.Select(d => (d, GetDraw.ShowsPairs(d, actor)))], next);
    }
}
