using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;

namespace Ducha.Assessment.Application.Measurements;

/// <summary>The current measured values of the given jurisdictions and years, for the sheets.</summary>
public sealed class StoredMeasurementSource(AssessmentDbContext db) : IMeasurementSource
{
    public async Task<IReadOnlyList<MeasuredValue>> CurrentAsync(IReadOnlyCollection<string> jurisdictionCodes, IReadOnlyCollection<int> years,
        CancellationToken cancellationToken)
    {
        if (jurisdictionCodes.Count == 0 || years.Count == 0) return [];
        var codes = jurisdictionCodes.Distinct().ToList();
        var wanted = years.Distinct().ToList();
        return await db.Measurements.AsNoTracking()
            .Where(m => m.Current && codes.Contains(m.JurisdictionCode) && wanted.Contains(m.Year))
            .Select(m => new MeasuredValue(m.JurisdictionCode, m.IndicatorCode, m.Year, m.Period, m.Value, m.Source))
            .ToListAsync(cancellationToken);
    }
}
