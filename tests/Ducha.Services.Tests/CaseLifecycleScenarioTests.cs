using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;

namespace Ducha.Services.Tests;

/// <summary>One complaint from an inspection team's transfer to 销号, each level acting with its own token.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class CaseLifecycleScenarioTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    [Fact]
    public async Task A_transferred_complaint_goes_down_to_a_handling_unit_and_back_up_to_closure_across_National_Day()
    {
        var request = CasesApiTests.ValidCase("320505");
        request.Channel = Channel.InspectionTeam;
        request.Reporter = new Reporter { Name = "周晓兰", Phone = "13912345678", Address = "虎丘区某小区" };

        // 接 at the province, Friday 2024-09-27 10:00.
        var received = await _steps.Province.CreateCaseAsync(request);
        Assert.Equal("320000", received.OriginJurisdictionCode);

        // 转: ten, nine and eight working days; the National Day week (10-01..10-07) does not count, the make-up days do.
        var atCity = await _steps.Province.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        var atCounty = await _steps.City.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 9 });
        var atUnit = await _steps.County.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 8 });
        Assert.Equal("2024-10-16", atCity.Deadline);
        Assert.Equal("2024-10-15", atCounty.Deadline);
        Assert.Equal("2024-10-14", atUnit.Deadline);
        Assert.Equal(("320505", CaseSteps.Unit), (atUnit.HolderJurisdictionCode, atUnit.HolderUnit));

        // 办: the unit sees whom to call back, and reports with a plan for what cannot be fixed at once.
        var seenByUnit = await _steps.Handler.GetCaseAsync(new GetCaseRequest { Id = received.Id });
        Assert.Equal("周晓兰", seenByUnit.Reporter.Name);
        var report = CaseSteps.RectifiedNow(received.Id);
        report.RectifiedNow = false;
        report.Plan = new RectificationPlan { Target = "废气稳定达标排放", Measures = "更换活性炭吸附装置，安装在线监测", Deadline = "2024-11-30", ResponsibleUnit = "虎丘区生态环境局" };
        report.Measures.Add(new Measure { Kind = MeasureKind.Stop, Scope = MeasureScope.Site, Description = "涉气车间停产整治", VerificationDate = "2024-10-31" });
        var reported = await _steps.Handler.ReportHandlingAsync(report);
        Assert.Equal(CaseStatus.Reported, reported.Status);
        Assert.Equal(("320505", ""), (reported.HolderJurisdictionCode, reported.HolderUnit));
        Assert.Equal("2024-10-15", reported.Deadline);

        // 核: each office accepts and passes it up, under its own deadline again, until the province verifies.
        var atCityAgain = await _steps.County.VerifyReportAsync(new VerifyReportRequest { CaseId = received.Id, Accept = true, Method = VerificationMethod.OnSite });
        Assert.Equal(("320500", "2024-10-16", CaseStatus.Reported), (atCityAgain.HolderJurisdictionCode, atCityAgain.Deadline, atCityAgain.Status));
        var atProvince = await _steps.City.VerifyReportAsync(new VerifyReportRequest { CaseId = received.Id, Accept = true, Method = VerificationMethod.Documents });
        Assert.Equal("320000", atProvince.HolderJurisdictionCode);
        var verified = await _steps.Province.VerifyReportAsync(new VerifyReportRequest { CaseId = received.Id, Accept = true, Method = VerificationMethod.Callback });
        Assert.Equal(CaseStatus.Verified, verified.Status);

        // 销号 with the four not-let-go and the reporter's callback.
        var closed = await _steps.Province.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = received.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.BasicallySatisfied, CallbackNote = "电话回访",
        });
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CallbackResult.BasicallySatisfied, closed.CallbackResult);
        Assert.NotNull(closed.ClosedAt);

        var history = (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = received.Id })).Transitions;
        Assert.Equal(["Receive", "AssignDown", "AssignDown", "AssignDown", "ReportHandling", "Verify", "Verify", "Verify", "Close"], history.Select(t => t.Action));
        Assert.Equal(["320000", "320000", "320500", "320505", "320505", "320505", "320500", "320000", "320000"], history.Select(t => t.ActorJurisdictionCode));
        Assert.Equal("handler", history[4].ActorRole);
        Assert.True((await _steps.Province.VerifyHistoryAsync(new VerifyHistoryRequest { Id = received.Id })).Intact);

        var file = await _steps.Province.GetCaseFileAsync(new GetCaseFileRequest { Id = received.Id });
        Assert.Equal(3, file.Assignments.Count);
        Assert.Equal("2024-11-30", Assert.Single(file.Reports).Plan.Deadline);
        Assert.Equal("2024-10-31", Assert.Single(file.Measures).Measure.VerificationDate);

        var topics = await host.QueryAsync<CasesDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Payload.Contains(received.Id)).OrderBy(m => m.Sequence).Select(m => m.Topic));
        Assert.Equal(
        [
            "cases.case-received",
            "cases.case-assigned", "cases.case-delivered", "cases.case-assigned", "cases.case-delivered", "cases.case-assigned", "cases.case-delivered",
            "cases.case-reported", "cases.case-verified", "cases.case-verified", "cases.case-verified", "cases.case-closed",
        ], topics);
    }
}
