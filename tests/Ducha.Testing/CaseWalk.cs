using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Testing;

/// <summary>
/// A complaint about 吴中区 walked the whole way: the city assigns it to the county, the county to its environment
/// bureau, the bureau reports, both levels verify, the city closes it — each level with its own token.
/// </summary>
public static class CaseWalk
{
    public const string City = "320500", County = "320506", Unit = "吴中区生态环境局";

    /// <param name="channel">Where the cases service answers.</param>
    /// <param name="authorize">Adds a token for (jurisdiction, role, unit) to a call's headers.</param>
    /// <param name="caseId">A case received at the city for 吴中区.</param>
    /// <param name="whileAtUnit">Runs as the unit's handler while it holds the case, before it reports.</param>
    /// <returns>The closed case.</returns>
    public static async Task<Case> ToClosureAsync(CallInvoker channel, Func<string, string, string?, Func<Metadata, Metadata>> authorize, string caseId,
        Func<CasesClient, Task>? whileAtUnit = null)
    {
        CasesClient As(string jurisdiction, string role = "office", string? unit = null) => new(channel.Intercept(authorize(jurisdiction, role, unit)));
        var city = As(City);
        var county = As(County);
        var handler = As(County, "handler", Unit);

        await city.AssignDownAsync(new AssignDownRequest { CaseId = caseId, ToJurisdictionCode = County, WorkingDays = 5 });
        await county.AssignDownAsync(new AssignDownRequest { CaseId = caseId, HandlingUnit = Unit, WorkingDays = 4 });
        if (whileAtUnit is not null) await whileAtUnit(handler);
        await handler.ReportHandlingAsync(new ReportHandlingRequest
        {
            CaseId = caseId, Findings = "夜间施工属实，未办理夜间施工许可", Result = "责令停止夜间施工并处罚款", RectifiedNow = true,
            Measures = { new Measure { Kind = MeasureKind.Fine, Scope = MeasureScope.Site, Description = "罚款两万元" } },
        });
        await county.VerifyReportAsync(new VerifyReportRequest { CaseId = caseId, Accept = true });
        await city.VerifyReportAsync(new VerifyReportRequest { CaseId = caseId, Accept = true, Method = VerificationMethod.Callback });
        return await city.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = caseId, CallbackResult = CallbackResult.Satisfied,
            Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
        });
    }
}
