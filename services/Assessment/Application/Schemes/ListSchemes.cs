using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Schemes;

public sealed record SchemePage(IReadOnlyList<Scheme> Schemes, string NextPageToken);

/// <summary>
/// The schemes that concern a jurisdiction — its own, and those of every level above it, which assess it — latest year
/// first, a page at a time. Read from within its line: from above it, or from below as one of those it assesses.
/// </summary>
public sealed class ListSchemes(AssessmentDbContext db, JurisdictionTree tree, ILogger<ListSchemes> logger)
{
    public const string Operation = "ListSchemes";
    public const int MaxPageSize = 100, DefaultPageSize = 20;

    public async Task<SchemePage> HandleAsync(string jurisdictionCode, int pageSize, YearPageToken? after, Actor actor, CancellationToken cancellationToken)
    {
        tree.Require(jurisdictionCode);
        tree.EnsureReadable(actor, jurisdictionCode, Operation, logger);
        var codes = tree.WithAncestors(jurisdictionCode);
        var query = db.Schemes.AsNoTracking().Where(s => codes.Contains(s.JurisdictionCode));
        if (after is { } token)
        {
            var (year, id) = (token.Year, token.Id);
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(s => s.Year < year || (s.Year == year && string.Compare(s.Id, id) < 0));
#pragma warning restore CA1309
        }
        // One more row than asked, to know whether a next page exists.
        var rows = await query.OrderByDescending(s => s.Year).ThenByDescending(s => s.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? new YearPageToken(YearPageToken.Schemes, page[^1].Year, page[^1].Id).ToString() : "";
        return new SchemePage(page, next);
    }
}
