using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>A level's own draws, newest first (ids are time-ordered), each with whether the caller sees its pairs yet.</summary>
public sealed class ListDraws(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "ListDraws";
    private const string List = "draws-v1";

    public async Task<(List<(Draw Draw, bool ShowPairs)> Rows, string NextPageToken)> HandleAsync(string jurisdictionCode, int pageSize, string? pageToken,
        Actor actor, CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var size = pageSize is > 0 and <= 500 ? pageSize : 100;
        var query = db.Draws.AsNoTracking().Where(d => d.JurisdictionCode == jurisdictionCode);
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (!PagePosition.TryDecode(pageToken, List, out _, out var before))
                throw new RequestValidationException("page_token", "is not a token this list issued");
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(d => string.Compare(d.Id, before) < 0);
#pragma warning restore CA1309
        }
        var rows = await query.OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? PagePosition.Encode(List, "", rows[size - 1].Id) : "";
        return ([.. rows.Take(size).Select(d => (d, GetDraw.ShowsPairs(d, actor)))], next);
    }
}
