using Ducha.Contracts.Cases.V1;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>Walks a case through the lifecycle with each level's own token, for tests that start mid-way.</summary>
public sealed class CaseSteps(StandaloneFixture host)
{
    public const string Unit = "虎丘区生态环境局";

    public CasesClient Province => new(host.As("320000"));
    public CasesClient City => new(host.As("320500"));
    public CasesClient County => new(host.As("320505"));
    public CasesClient Handler => new(host.AsUnit("320505", Unit));

    /// <summary>Received by the province, assigned to 苏州市, 虎丘区 and the district's environment bureau.</summary>
    public async Task<Case> AtUnitAsync(CreateCaseRequest? request = null)
    {
        var received = await Province.CreateCaseAsync(request ?? CasesApiTests.ValidCase("320505"));
        await Province.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        await City.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 9 });
        return await County.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = Unit, WorkingDays = 8 });
    }

    public static ReportHandlingRequest RectifiedNow(string caseId) => new()
    {
        CaseId = caseId,
        Findings = "经现场核查，该厂废气处理设施未正常运行，夜间直排属实。",
        Result = "责令立即停止违法排污，处理设施已恢复运行，经监测达标。",
        RectifiedNow = true,
    };

    /// <summary>Reported by the unit and accepted by county, city and province: ready to close.</summary>
    public async Task<Case> VerifiedAsync(CreateCaseRequest? request = null)
    {
        var atUnit = await AtUnitAsync(request);
        await Handler.ReportHandlingAsync(RectifiedNow(atUnit.Id));
        await County.VerifyReportAsync(new VerifyReportRequest { CaseId = atUnit.Id, Accept = true });
        await City.VerifyReportAsync(new VerifyReportRequest { CaseId = atUnit.Id, Accept = true });
        return await Province.VerifyReportAsync(new VerifyReportRequest { CaseId = atUnit.Id, Accept = true });
    }

    public static Attestations AllFour => new() { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true };

    public async Task<Case> ClosedAsync(CreateCaseRequest? request = null)
    {
        var verified = await VerifiedAsync(request);
        return await Province.CloseCaseAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = AllFour, CallbackResult = CallbackResult.Satisfied });
    }

    public async Task<int> HistoryLengthAsync(string caseId) => (await Province.GetHistoryAsync(new GetHistoryRequest { Id = caseId })).Transitions.Count;
}
