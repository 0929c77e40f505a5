using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Measurements;

namespace Ducha.Assessment.Application.Measurements;

public sealed record MeasurementPage(IReadOnlyList<Measurement> Measurements, string NextPageToken);

/// <summary>
/// A jurisdiction's measured values, every recording with whether it is still the current one, latest year first and the
/// latest recording first within a year: to anyone whose reach covers the jurisdiction.
/// </summary>
public sealed class ListMeasurements(AssessmentDbContext db, JurisdictionRecords<AssessmentDbContext> records)
{
    public const int MaxPageSize = 200, DefaultPageSize = 50;

    public async Task<MeasurementPage> HandleAsync(string jurisdictionCode, int? year, int pageSize, YearPageToken? after, Actor actor,
        CancellationToken cancellationToken)
    {
        records.EnsureWithin(actor, jurisdictionCode, Measurement.ListOperation);
        var query = db.Measurements.AsNoTracking().Where(m => m.JurisdictionCode == jurisdictionCode);
        if (year is { } only) query = query.Where(m => m.Year == only);
        if (after is { } token)
        {
            var (afterYear, id) = (token.Year, token.Id);
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(m => m.Year < afterYear || (m.Year == afterYear && string.Compare(m.Id, id) < 0));
#pragma warning restore CA1309
        }
        var rows = await query.OrderByDescending(m => m.Year).ThenByDescending(m => m.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? new YearPageToken(YearPageToken.Measurements, page[^1].Year, page[^1].Id).ToString() : "";
        return new MeasurementPage(page, next);
    }
}
