using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>A submitted report, the latest version or the one asked for: to the city itself and the offices above it.</summary>
public sealed class GetAccountabilityReport(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree)
{
    public const string Operation = "GetAccountabilityReport";

    /// <summary>The report goes to the province office and, through its notice, to the organization and supervisory departments.</summary>
    public static readonly Role[] Readers = [Role.Office, Role.Discipline, Role.Organization];

    /// <param name="version">A version number, or null for the latest.</param>
    public async Task<AccountabilityReport> HandleAsync(string cityCode, ReportingPeriod period, int? version, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Readers);
        var city = tree.RequireCity(cityCode);
        // A sibling city, or a county of the city, learns nothing of the report, not even whether there is one.
        records.EnsureWithin(actor, city.Code, Operation);
        var versions = db.AccountabilityReports.AsNoTracking().Where(r => r.JurisdictionCode == city.Code && r.Period == period);
        var report = version is { } number
            ? await versions.FirstOrDefaultAsync(r => r.Version == number, cancellationToken)
            : await versions.OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        return report ?? throw new EntityNotFoundException("AccountabilityReport", version is { } n ? $"{city.Code}/{period} version {n}" : $"{city.Code}/{period}");
    }
}
