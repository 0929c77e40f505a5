using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Services.Tests;

/// <summary>
/// Cases about a county of 常州市 walked through their lifecycle for the disclosure tests — a city no other test files
/// cases in, and a county of its own per test, so the county's counts are the test's own — and the read API polled until
/// the events (and the facts fetched from cases) are in.
/// </summary>
/// <param name="county">A county of 常州市: 320402 天宁区, 320404 钟楼区, 320411 新北区, 320412 武进区, 320413 金坛区, 320481 溧阳市.</param>
public sealed class DisclosureSteps(StandaloneFixture host, string county, string countyName)
{
    public const string Province = "320000", City = "320400";
    public string County => county;
    public string Unit => countyName + "生态环境局";

    public CasesClient ProvinceOffice => new(host.As(Province));
    public CasesClient CityOffice => new(host.As(City));
    public CasesClient CountyOffice => new(host.As(County));
    public CasesClient Handler => new(host.AsUnit(County, Unit));
    public DisclosureClient Disclosure(string jurisdiction) => new(host.As(jurisdiction));

    /// <summary>The day the fixture's clock is on: every case of these tests comes in on it.</summary>
    public static string Today => StandaloneFixture.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public CreateCaseRequest Complaint(Reporter? reporter = null) => new()
    {
        JurisdictionCode = county,
        Address = "溧阳市昆仑街道某工业园",
        Polluter = UniqueName.Of("溧阳某化工有限公司", 20),
        PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Water,
        Description = "企业夜间通过暗管向河道排放废水",
        Channel = Ducha.Contracts.Cases.V1.Channel.InspectionTeam,
        Reporter = reporter,
    };

    /// <summary>Received by the province, assigned to the city, the county and the county's environment bureau.</summary>
    public async Task<Case> AtUnitAsync(CreateCaseRequest? request = null)
    {
        var received = await ProvinceOffice.CreateCaseAsync(request ?? Complaint());
        await ProvinceOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = City, WorkingDays = 10 });
        await CityOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = County, WorkingDays = 9 });
        return await CountyOffice.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = Unit, WorkingDays = 8 });
    }

    public static ReportHandlingRequest Findings(string caseId) => new()
    {
        CaseId = caseId,
        Findings = "经现场核查，该企业雨水排口夜间排放生产废水属实。",
        Result = "责令立即封堵暗管，处罚款二十万元，已完成整改。",
        RectifiedNow = true,
    };

    /// <summary>Reported by the unit and accepted by the county, the city and the province.</summary>
    public async Task<Case> VerifiedAsync(CreateCaseRequest? request = null)
    {
        var atUnit = await AtUnitAsync(request);
        await Handler.ReportHandlingAsync(Findings(atUnit.Id));
        foreach (var office in new[] { CountyOffice, CityOffice, ProvinceOffice })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = atUnit.Id, Accept = true });
        return atUnit;
    }

    public async Task<Case> ClosedAsync(CreateCaseRequest? request = null)
    {
        var verified = await VerifiedAsync(request);
        return await CloseAsync(verified.Id);
    }

    public Task<Case> CloseAsync(string caseId) => ProvinceOffice.CloseCaseAsync(new CloseCaseRequest
    {
        CaseId = caseId, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied,
    }).ResponseAsync;

    /// <summary>问责 on a case: one 处级 and one 科级 sanctioned, one 科级 exempted under 容错.</summary>
    public Task<Case> HoldAccountableAsync(string caseId) => ProvinceOffice.RecordAccountabilityAsync(new RecordAccountabilityRequest
    {
        CaseId = caseId,
        People =
        {
            new AccountablePerson { Name = "赵某甲", Position = "溧阳市生态环境局副局长", Rank = CadreRank.Division, Sanction = Sanction.Criticism },
            new AccountablePerson { Name = "孙某乙", Position = "昆仑街道环保办主任", Rank = CadreRank.Section, Sanction = Sanction.Admonition },
            new AccountablePerson
            {
                Name = "李某丙", Position = "昆仑街道环保办科员", Rank = CadreRank.Section, Sanction = Sanction.Admonition, FaultTolerated = true,
                FaultToleranceReason = "已履职尽责，偷排系企业刻意隐瞒，难以发现",
            },
        },
    }).ResponseAsync;

    public Task<CaseSummary> SummaryAsync(string jurisdiction) =>
        Disclosure(jurisdiction).GetCaseSummaryAsync(new GetCaseSummaryRequest { JurisdictionCode = jurisdiction, From = Today, To = Today }).ResponseAsync;

    /// <summary>The summary once it shows what the test expects, or the last one seen.</summary>
    public Task<CaseSummary> SummaryWhenAsync(string jurisdiction, Func<CaseSummary, bool> settled) =>
        Ducha.Testing.Eventually.UntilAsync(() => SummaryAsync(jurisdiction), settled, TimeSpan.FromSeconds(30));

    public async Task<List<DisclosedCase>> ListAsync(string jurisdiction, int pageSize = 200)
    {
        var all = new List<DisclosedCase>();
        var token = "";
        do
        {
            var page = await Disclosure(jurisdiction).ListDisclosedCasesAsync(new ListDisclosedCasesRequest
            {
                JurisdictionCode = jurisdiction, From = Today, To = Today, PageSize = pageSize, PageToken = token,
            });
            all.AddRange(page.Cases);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    /// <summary>The case as the county's list (or <paramref name="jurisdiction"/>'s) shows it, once <paramref name="settled"/> holds.</summary>
    public async Task<DisclosedCase?> DisclosedWhenAsync(string caseId, Func<DisclosedCase, bool> settled, string? jurisdiction = null) =>
        await Ducha.Testing.Eventually.UntilAsync(async () => (await ListAsync(jurisdiction ?? county)).SingleOrDefault(c => c.CaseId == caseId),
            c => c is not null && settled(c), TimeSpan.FromSeconds(30));
}
