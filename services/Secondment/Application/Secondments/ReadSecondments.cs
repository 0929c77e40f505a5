using Ducha.Reference.Calendar;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>A cadre with the term running today, as the roster and the cadre's page show it.</summary>
public sealed record CadreOnRoster(Cadre Cadre, SecondmentTerm? Current, DateOnly Today);

/// <summary>
/// Reading cadres and terms: the organization department or office whose reach covers the cadre's home jurisdiction or
/// a level the cadre was seconded to.
/// </summary>
public sealed class ReadSecondments(SecondmentDbContext db, SecondmentReach reach, JurisdictionRecords<SecondmentDbContext> records, TimeProvider time)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;
    private const string PageVersion = "cadres1";

    public DateOnly Today => BeijingTime.DateOf(time.GetUtcNow());

    public async Task<SecondmentTerm> GetSecondmentAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var term = await reach.FindTermAsync(id, tracked: false, cancellationToken);
        reach.EnsureReads(actor, "GetSecondment", term.HomeJurisdictionCode, term.JurisdictionCode);
        return term;
    }

    public async Task<CadreOnRoster> GetCadreAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var cadre = await reach.FindCadreAsync(id, "id", cancellationToken);
        var terms = await db.Secondments.AsNoTracking().Where(s => s.CadreId == id).ToListAsync(cancellationToken);
        reach.EnsureReads(actor, "GetCadre", [cadre.JurisdictionCode, .. terms.Select(t => t.JurisdictionCode)]);
        var today = Today;
        return new(cadre, terms.FirstOrDefault(t => t.StateOn(today) == SecondmentState.Active), today);
    }

    /// <summary>The roster of a level: the cadres of the level and below, in the order they were filed.</summary>
    public async Task<(IReadOnlyList<CadreOnRoster> Cadres, string NextPageToken)> ListCadresAsync(string levelCode, int pageSize, string pageToken, Actor actor,
        CancellationToken cancellationToken)
    {
        SecondmentReach.EnsureRole(actor, "ListCadres");
        records.EnsureWithin(actor, levelCode, "ListCadres");
        var after = "";
        if (pageToken.Length > 0 && !PagePosition.TryDecode(pageToken, PageVersion, out _, out after))
            throw new RequestValidationException("page_token", "is not a token this list issued");
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var level = reach.Jurisdiction(levelCode);
        var prefix = level.Code[..level.PrefixLength];
        // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
        var page = await db.Cadres.AsNoTracking()
            .Where(c => c.JurisdictionCode.StartsWith(prefix) && string.Compare(c.Id, after) > 0)
            .OrderBy(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
#pragma warning restore CA1309
        var shown = page.Take(size).ToList();
        var ids = shown.Select(c => c.Id).ToList();
        var today = Today;
        var terms = await db.Secondments.AsNoTracking().Where(s => ids.Contains(s.CadreId) && s.EndedDate == null && s.StartDate <= today && s.EndDate >= today)
            .ToListAsync(cancellationToken);
        var next = page.Count > size ? PagePosition.Encode(PageVersion, "", shown[^1].Id) : "";
        return (shown.Select(c => new CadreOnRoster(c, terms.FirstOrDefault(t => t.CadreId == c.Id), today)).ToList(), next);
    }
}
