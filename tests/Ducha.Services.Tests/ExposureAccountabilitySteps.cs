using Ducha.Contracts.Exposure.V1;
using CasesV1 = Ducha.Contracts.Cases.V1;

namespace Ducha.Services.Tests;

/// <summary>
/// Problems aired about a city, each with its case in Cases assigned to the city as the airing assigns it, and people
/// held accountable on those cases: where the accountability tests start. Each test picks a month of its own, since the
/// reports, draws and notices of a month take in every problem aired in it.
/// </summary>
public sealed class ExposureAccountabilitySteps(StandaloneFixture host)
{
    public Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Province => ExposureTestData.Client(host.Invoker);

    public Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Office(string jurisdictionCode) => ExposureTestData.Client(host.As(jurisdictionCode));

    /// <summary>20:00 in Beijing, when the province column airs.</summary>
    public static DateTimeOffset Evening(int year, int month, int day) => new(year, month, day, 20, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// A province column's problem about <paramref name="county"/>, aired at <paramref name="airedAt"/>, with the case
    /// the airing opens in Cases, assigned to the county's city.
    /// </summary>
    public async Task<(ExposureProblem Problem, string CaseId)> AiredAsync(string county, DateTimeOffset airedAt, string polluter = "某化工有限公司")
    {
        // A column of its own each time, airing every day, so any evening a test picks is free and an air day.
        var column = await ExposureTestData.ColumnAsync(host, "320000", change: c => c.AirDays.AddRange(Enum.GetValues<Weekday>().Where(d => d != Weekday.Unspecified)));
        var request = ExposureTestData.Problem(column, county);
        request.Polluter = polluter;
        var problem = await Province.ProposeExposureAsync(request);
        await ExposureTestData.AirAsync(host.Invoker, column, Ducha.Reference.Calendar.BeijingTime.DateOf(airedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), airedAt, problem);
        var exposed = await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Id);
        return (exposed, exposed.CaseId);
    }

    /// <summary>问责 on the case, recorded in Cases by the city office, with the people's names and positions.</summary>
    public Task HoldAccountableAsync(string city, string caseId, params CasesV1.AccountablePerson[] people) =>
        new CasesV1.Cases.CasesClient(host.As(city)).RecordAccountabilityAsync(new CasesV1.RecordAccountabilityRequest { CaseId = caseId, People = { people } })
            .ResponseAsync;

    public static CasesV1.AccountablePerson Person(string name, string position, CasesV1.CadreRank rank, CasesV1.Sanction sanction,
        string? faultToleratedBecause = null) => new()
    {
        Name = name,
        Position = position,
        Rank = rank,
        Sanction = sanction,
        FaultTolerated = faultToleratedBecause is not null,
        FaultToleranceReason = faultToleratedBecause ?? string.Empty,
    };

    public static AccountabilityTally Tally(CadreRank rank, Sanction sanction, int count, bool faultTolerated = false) =>
        new() { Rank = rank, Sanction = sanction, Count = count, FaultTolerated = faultTolerated };
}
