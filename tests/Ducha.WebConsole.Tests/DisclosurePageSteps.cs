using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// Cases of one county set up over gRPC so its bulletin has content — received by the province, assigned down to the
/// county's environment bureau, reported, verified up the chain, closed — and the disclosure read model waited for.
/// </summary>
public sealed class DisclosurePageSteps(ConsoleFixture host, string province, string city, string county, string countyName)
{
    /// <summary>The fixture's day: every case these steps file comes into the county's hands on it.</summary>
    public const string Today = "2024-09-27";

    public string County => county;
    public string[] CountyPath => [province, city, county];
    public CallInvoker Office(string code) => host.As(code);
    public DisclosureClient Disclosure(string code) => new(host.As(code));
    private CasesClient Cases(string code) => new(host.As(code));
    private CasesClient Unit => new(host.As(county, "handler", countyName + "生态环境局"));

    /// <summary>A complaint in the county, at the county's office (transferred into its hands today).</summary>
    public async Task<Case> AtCountyAsync(string polluter)
    {
        var received = await Cases(province).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = county, Address = countyName + "某街道工业园 6 号", Polluter = polluter, PollutionType = Contracts.Cases.V1.PollutionType.Water,
            Description = "夜间通过暗管向河道排放废水", Channel = Contracts.Cases.V1.Channel.InspectionTeam,
        });
        await Cases(province).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = city, WorkingDays = 10 });
        return await Cases(city).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = 9 });
    }

    /// <summary>
    /// Handled by the county's bureau with <paramref name="findings"/> and accepted by the county, the city and the
    /// province — returned once the disclosure read model holds the accepted findings, so a draft made next has them.
    /// </summary>
    public async Task<Case> VerifiedAsync(string polluter, string findings = "经现场核查，该企业夜间偷排生产废水属实。")
    {
        var atCounty = await AtCountyAsync(polluter);
        await Cases(county).AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, HandlingUnit = countyName + "生态环境局", WorkingDays = 8 });
        await Unit.ReportHandlingAsync(new ReportHandlingRequest
        {
            CaseId = atCounty.Id, Findings = findings, Result = "责令封堵暗管，处罚款十万元，已完成整改。", RectifiedNow = true,
        });
        foreach (var office in new[] { county, city, province })
            await Cases(office).VerifyReportAsync(new VerifyReportRequest { CaseId = atCounty.Id, Accept = true });
        await Ducha.Testing.Eventually.UntilAsync(() => Disclosure(county).ListDisclosedCasesAsync(new ListDisclosedCasesRequest
        {
            JurisdictionCode = county, From = Today, To = Today, PageSize = 200,
        }).ResponseAsync, page => page.Cases.Any(c => c.CaseId == atCounty.Id && c.Findings == findings), TimeSpan.FromSeconds(30));
        return atCounty;
    }

    public Task<Case> CloseAsync(string caseId) => Cases(province).CloseCaseAsync(new CloseCaseRequest
    {
        CaseId = caseId, CallbackResult = CallbackResult.Satisfied,
        Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
    }).ResponseAsync;

    /// <summary>The county's summary for today once the disclosure read model shows what the test expects (facts fetched too).</summary>
    public Task<CaseSummary> SummaryWhenAsync(Func<CaseSummary, bool> settled) =>
        Ducha.Testing.Eventually.UntilAsync(() => Disclosure(county).GetCaseSummaryAsync(new GetCaseSummaryRequest
        {
            JurisdictionCode = county, From = Today, To = Today,
        }).ResponseAsync, s => s.FactsPending == 0 && settled(s), TimeSpan.FromSeconds(30));

    public async Task<Bulletin> DraftAsync(string start = Today, string end = Today) =>
        await Disclosure(county).DraftBulletinAsync(new DraftBulletinRequest { JurisdictionCode = county, PeriodStart = start, PeriodEnd = end });
}
