using Ducha.Contracts.Cases.V1;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>Cases brought over gRPC to where 督 and 问责 begin: held by the county office, or reported with a stop order.</summary>
public sealed class OversightSetup(ConsoleFixture host)
{
    public const string Jiangsu = "320000", Suzhou = "320500", Wuzhong = "320506", Unit = "吴中区生态环境局";
    public static readonly string[] Province = [Jiangsu], City = [Jiangsu, Suzhou], County = [Jiangsu, Suzhou, Wuzhong];

    public CasesClient As(string code, string role = "office", string? unit = null) => new(host.As(code, role, unit));

    /// <summary>Filed at the province and assigned down to the county office, which holds it.</summary>
    public async Task<Case> HeldByCountyAsync(string polluter)
    {
        var c = await As(Jiangsu).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = Wuzhong,
            Address = "木渎镇金枫路",
            Polluter = $"{polluter}{Guid.NewGuid().ToString("N")[..6]}",
            PollutionType = PollutionType.Water,
            Description = "夜间向河道偷排黑臭废水",
            Channel = Channel.Hotline12369,
            Reporter = new Reporter { Name = "周举报", Phone = "13800000000" },
        });
        await As(Jiangsu).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        return await As(Suzhou).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, ToJurisdictionCode = Wuzhong, WorkingDays = 9 });
    }

    /// <summary>Held by the county, assigned to its ecology bureau, which reports the site stopped, to be checked on 8 October.</summary>
    public async Task<Case> ReportedWithStopOrderAsync(string polluter)
    {
        var c = await HeldByCountyAsync(polluter);
        await As(Wuzhong).AssignDownAsync(new AssignDownRequest { CaseId = c.Id, HandlingUnit = Unit, WorkingDays = 8 });
        return await As(Wuzhong, "handler", Unit).ReportHandlingAsync(new ReportHandlingRequest
        {
            CaseId = c.Id,
            Findings = "现场核查属实，企业夜间偷排",
            Result = "责令停产整治，排口已封堵",
            RectifiedNow = true,
            Measures =
            {
                new Measure
                {
                    Kind = MeasureKind.Stop, Scope = MeasureScope.Site, Description = "责令该厂停产整治", VerificationDate = "2024-10-08",
                },
                new Measure { Kind = MeasureKind.Fine, Scope = MeasureScope.Site, Description = "罚款二十万元" },
            },
        });
    }
}
