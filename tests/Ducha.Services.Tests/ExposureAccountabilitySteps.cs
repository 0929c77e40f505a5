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
    private Column? _column;

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
        _column ??= await ExposureTestData.ColumnAsync(host, "320000");
        var request = ExposureTestData.Problem(_column, county);
        request.Polluter = polluter;
        var problem = await Province.ProposeExposureAsync(request);
        var cases = new CasesV1.Cases.CasesClient(host.Invoker);
        var opened = await cases.CreateCaseAsync(CasesApiTests.ValidCase(county));
        await cases.AssignDownAsync(new CasesV1.AssignDownRequest { CaseId = opened.Id, ToJurisdictionCode = county[..4] + "00", WorkingDays = 10 });
        await ExposureTestData.AirAsync(host.Services, problem.Id, opened.Id, airedAt);
        return (problem, opened.Id);
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
