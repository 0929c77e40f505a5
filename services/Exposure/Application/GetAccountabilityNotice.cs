using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>
/// The province's notice (通报) on a period, to the organization and supervisory departments: generated when asked from
/// the problems aired, the latest version of each city's report and the spot checks, so it always says what is on record.
/// </summary>
public sealed class GetAccountabilityNotice(ExposureDbContext db, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "GetAccountabilityNotice";

    public async Task<(Jurisdiction Province, string Text)> HandleAsync(ReportingPeriod period, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetAccountabilityReport.Readers);
        // The notice is the province's own: a city office does not read what is said of its siblings.
        if (tree.Find(actor.JurisdictionCode) is not { Level: JurisdictionLevel.Province } province)
            throw new PermissionDeniedException($"{Operation}: the notice is the province's; {actor.JurisdictionCode} is not a province.");
        var cities = tree.Children(province.Code).Where(c => c.Level == JurisdictionLevel.City).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var cityCodes = cities.Select(c => c.Code).ToList();
        var aired = await db.AiredInAsync(tree, province, period, cancellationToken);
        var reports = await db.AccountabilityReports.AsNoTracking()
            .Where(r => r.Period == period && cityCodes.Contains(r.JurisdictionCode)).ToListAsync(cancellationToken);
        var checks = await db.SpotChecks.AsNoTracking().Include(s => s.Findings)
            .Where(s => s.Period == period && s.JurisdictionCode == province.Code).ToListAsync(cancellationToken);
        var polluters = aired.ToDictionary(p => p.Id, p => p.Polluter);
        var standings = cities.Select(city =>
        {
            var versions = reports.Where(r => r.JurisdictionCode == city.Code).OrderBy(r => r.Version).ToList();
            return new CityStanding(city, aired.Count(p => tree.IsWithin(p.PlaceJurisdictionCode, city.Code)), versions.LastOrDefault(),
                versions.FirstOrDefault()?.SubmittedAt, checks.FirstOrDefault(s => s.CityCode == city.Code), polluters);
        }).ToList();
        return (province, AccountabilityNotice.Compose(province, period, standings, BeijingTime.DateOf(time.GetUtcNow())));
    }
}
