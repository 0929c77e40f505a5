using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>
/// A city office submits its accountability report on a period: generated from Cases at this moment, with its remarks.
/// Submitting again files the next version; the earlier ones stay as they were.
/// </summary>
public sealed class SubmitAccountabilityReport(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree,
    CompileAccountability compile, TimeProvider time)
{
    public const string Operation = "SubmitAccountabilityReport";

    public async Task<AccountabilityReport> HandleAsync(string cityCode, ReportingPeriod period, string? remarks, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var city = tree.RequireCity(cityCode);
        // Refused before Cases is asked anything on the caller's behalf.
        AccountabilityReport.EnsureCityOffice(city, actor, Operation);
        AccountabilityReport.EnsureEnded(period, time.GetUtcNow());
        // A retry answers with what the first request filed, not with a further version.
        if (idempotencyKey is not null
            && await db.AccountabilityReports.AsNoTracking().FirstOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
            return earlier.JurisdictionCode == city.Code && earlier.Period == period ? earlier
                : throw new RequestValidationException("idempotency_key", "was already used for another city's or period's report");
        var problems = await compile.HandleAsync(city, period, cancellationToken);
        var last = await db.AccountabilityReports.Where(r => r.JurisdictionCode == city.Code && r.Period == period)
            .MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0;
        var report = AccountabilityReport.Submit(city, period, problems, remarks, last + 1, actor, idempotencyKey, time.GetStoredUtcNow());
        try
        {
            return await records.FileAsync(report, actor, Operation, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another submission took this version number between the read above and this save.
            throw new ConcurrentChangeException("AccountabilityReport", $"{city.Code}/{period}", e);
        }
    }
}
