using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Schemes;

/// <summary>
/// The scheme an assessing jurisdiction has in force for a year: of those put in force for that year or before, the
/// latest year's. A superseded scheme still governs the years before the one that superseded it.
/// </summary>
public sealed class StoredSchemeSource(AssessmentDbContext db) : ISchemeSource
{
    public async Task<SchemeInForce?> InForceAsync(string assessorJurisdictionCode, Audience audience, int year, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.AsNoTracking()
            .Where(s => s.JurisdictionCode == assessorJurisdictionCode && s.Audience == audience && s.State == SchemeState.InForce && s.Year <= year)
            .OrderByDescending(s => s.Year)
            .FirstOrDefaultAsync(cancellationToken);
        return scheme is null ? null : new SchemeInForce(scheme.Id, scheme.JurisdictionCode, scheme.Audience, scheme.Year, scheme.Content);
    }
}
