using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>The problems that aired in a period about the places of a jurisdiction, which accountability is reported on.</summary>
internal static class ExposedProblems
{
    /// <summary>
    /// Aired within the period (Beijing) by any level's column, about a place within <paramref name="jurisdiction"/>, in
    /// the order they aired.
    /// </summary>
    public static async Task<List<ExposureProblem>> AiredInAsync(this ExposureDbContext db, JurisdictionTree tree, Jurisdiction jurisdiction,
        ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        // The code prefix narrows the rows in SQL; the tree decides, as it does everywhere else.
        var prefix = jurisdiction.Code[..jurisdiction.PrefixLength];
        var aired = await db.Exposures.AsNoTracking()
            .Where(p => p.AiredAt >= start && p.AiredAt < end && p.PlaceJurisdictionCode.StartsWith(prefix))
            .ToListAsync(cancellationToken);
        return [.. aired.Where(p => tree.IsWithin(p.PlaceJurisdictionCode, jurisdiction.Code)).OrderBy(p => p.AiredAt).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>A city (设区市) the request names; anything else is bad input naming the field.</summary>
    public static Jurisdiction RequireCity(this JurisdictionTree tree, string code, string field = "city_code") =>
        tree.Find(code) is { Level: JurisdictionLevel.City } city ? city
            : throw new RequestValidationException(field, $"'{code}' is not a city (设区市) of the jurisdiction tree");
}
