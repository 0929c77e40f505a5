using Ducha.Disclosure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>A period of Beijing dates, both included, and the instants it runs between.</summary>
public sealed record DisclosurePeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public DateTimeOffset Start => BeijingTime.StartOf(From);
    public DateTimeOffset End => BeijingTime.StartOf(To.AddDays(1));

    /// <summary>Refuses a period that ends before it starts or runs longer than a year, naming <c>to</c>.</summary>
    public static DisclosurePeriod Of(DateOnly from, DateOnly to)
    {
        if (to < from) throw new RequestValidationException("to", "must not be before from");
        if (to.DayNumber - from.DayNumber > MaxDays) throw new RequestValidationException("to", $"must be at most {MaxDays} days after from");
        return new DisclosurePeriod(from, to);
    }
}

/// <summary>
/// The cases that came into a jurisdiction's hands in a period, by the level's own columns (and index): a province, city
/// or county reads one index range, however many cases the rest of the tree has.
/// </summary>
public static class CaseArrivals
{
    public static IQueryable<DisclosedCase> CameInto(this IQueryable<DisclosedCase> cases, Jurisdiction into, DisclosurePeriod period)
    {
        var (code, start, end) = (into.Code, period.Start, period.End);
        return into.Level switch
        {
            JurisdictionLevel.Province => cases.Where(c => c.ProvinceCode == code && c.ProvinceArrivedAt >= start && c.ProvinceArrivedAt < end),
            JurisdictionLevel.City => cases.Where(c => c.CityCode == code && c.CityArrivedAt >= start && c.CityArrivedAt < end),
            _ => cases.Where(c => c.CountyCode == code && c.CountyArrivedAt >= start && c.CountyArrivedAt < end),
        };
    }

    /// <summary>In the order they came in, then by id; after <paramref name="after"/> when paging on.</summary>
    public static IQueryable<DisclosedCase> InArrivalOrder(this IQueryable<DisclosedCase> cases, JurisdictionLevel level, DisclosedCasePageToken? after)
    {
        var (at, id) = after is { } token ? (token.ArrivedAt, token.CaseId) : (DateTimeOffset.MinValue, "");
        var paging = after is not null;
        // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
        return level switch
        {
            JurisdictionLevel.Province => cases
                .Where(c => !paging || c.ProvinceArrivedAt > at || (c.ProvinceArrivedAt == at && string.Compare(c.CaseId, id) > 0))
                .OrderBy(c => c.ProvinceArrivedAt).ThenBy(c => c.CaseId),
            JurisdictionLevel.City => cases
                .Where(c => !paging || c.CityArrivedAt > at || (c.CityArrivedAt == at && string.Compare(c.CaseId, id) > 0))
                .OrderBy(c => c.CityArrivedAt).ThenBy(c => c.CaseId),
            _ => cases
                .Where(c => !paging || c.CountyArrivedAt > at || (c.CountyArrivedAt == at && string.Compare(c.CaseId, id) > 0))
                .OrderBy(c => c.CountyArrivedAt).ThenBy(c => c.CaseId),
        };
#pragma warning restore CA1309
    }

    /// <summary>Bulletins are made for the levels that run a 263 office.</summary>
    public static Jurisdiction RequireOfficeLevel(this JurisdictionTree tree, string code)
    {
        var jurisdiction = tree.Find(code) ?? throw new RequestValidationException("jurisdiction_code", $"'{code}' is not a known GB/T 2260 code");
        if (jurisdiction.Level > JurisdictionLevel.County)
            throw new RequestValidationException("jurisdiction_code", "must be a province, city or county");
        return jurisdiction;
    }
}
