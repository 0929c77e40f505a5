using Ducha.Assessment.Application.Schemes;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Measurements;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Measurements;

/// <summary>
/// The office, an assessor or a lead department at or above a jurisdiction records a measured value of an indicator
/// that a scheme assessing the jurisdiction (its own, or a level's above it) measures. Recording the same jurisdiction,
/// indicator, year and period again replaces the value; the earlier one stays listed, no longer current.
/// </summary>
public sealed class RecordMeasurement(AssessmentDbContext db, JurisdictionRecords<AssessmentDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public async Task<Measurement> HandleAsync(string jurisdictionCode, string indicatorCode, int year, Period period, double value, string source,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        var measurement = Measurement.Record(jurisdictionCode, indicatorCode, year, period, value, source, actor, idempotencyKey, time.GetStoredUtcNow());
        records.EnsureWithin(actor, jurisdictionCode, Measurement.RecordOperation);
        var assessing = tree.WithAncestors(jurisdictionCode);
        var schemes = await db.Schemes.AsNoTracking().Where(s => assessing.Contains(s.JurisdictionCode)).Select(s => s.Content).ToListAsync(cancellationToken);
        if (!Measurement.IsMeasuredIndicator(schemes, indicatorCode))
            throw new DomainRuleException(
                $"No scheme of {jurisdictionCode} or of a level above it has an environmental-quality indicator '{indicatorCode}': only those are measured and recorded.",
                "indicator_code");
        var previous = await db.Measurements
            .Where(m => m.JurisdictionCode == jurisdictionCode && m.IndicatorCode == indicatorCode && m.Year == year && m.Period == period && m.Current)
            .ToListAsync(cancellationToken);
        try
        {
            return await records.FileAsync(measurement, actor, Measurement.RecordOperation, cancellationToken, filed =>
            {
                foreach (var replaced in previous) replaced.ReplaceBy(filed);
            });
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another value for the same jurisdiction, indicator, year and period became current between the read above and this save.
            throw new ConcurrentChangeException(nameof(Measurement), $"{jurisdictionCode}/{indicatorCode}/{year}/{period}", e);
        }
    }
}
