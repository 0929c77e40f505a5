using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>办: reports, rectification plans and stop measures; every refusal leaves the case as it was.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class HandlingTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private static ReportHandlingRequest NotYetRectified(string caseId)
    {
        var report = CaseSteps.RectifiedNow(caseId);
        report.RectifiedNow = false;
        report.Result = "已立案调查，责令限期整改。";
        return report;
    }

    private async Task AssertUnchangedAsync(Case before)
    {
        var after = await _steps.County.GetCaseAsync(new GetCaseRequest { Id = before.Id });
        Assert.Equal((before.Status, before.HolderJurisdictionCode, before.HolderUnit, before.Deadline),
            (after.Status, after.HolderJurisdictionCode, after.HolderUnit, after.Deadline));
        Assert.Empty((await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = before.Id })).Reports);
    }

    [Fact]
    public async Task A_report_that_is_not_rectified_now_needs_the_whole_plan()
    {
        var atUnit = await _steps.AtUnitAsync();
        var history = await _steps.HistoryLengthAsync(atUnit.Id);
        var report = NotYetRectified(atUnit.Id);
        report.Plan = new RectificationPlan { Target = "达标排放", Deadline = "2024-11-30" };

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.ReportHandlingAsync(report).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("plan.measures", error.Status.Detail);
        Assert.Contains("plan.responsible_unit", error.Status.Detail);
        Assert.DoesNotContain("plan.target", error.Status.Detail);
        await AssertUnchangedAsync(atUnit);
        Assert.Equal(history, await _steps.HistoryLengthAsync(atUnit.Id));
    }

    [Fact]
    public async Task Stopping_a_whole_industry_without_investigation_is_refused_as_a_blanket_measure()
    {
        var atUnit = await _steps.AtUnitAsync();
        var report = CaseSteps.RectifiedNow(atUnit.Id);
        report.Measures.Add(new Measure { Kind = MeasureKind.Stop, Scope = MeasureScope.Industry, Description = "全区化工企业一律停产", VerificationDate = "2024-10-31" });

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.ReportHandlingAsync(report).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("一刀切", error.Status.Detail);
        await AssertUnchangedAsync(atUnit);

        // The same stop, backed by a site-by-site investigation, is a measure the unit may take.
        report.Measures[0].Investigation = "逐家排查 12 家化工企业，其中 3 家废气超标";
        var reported = await _steps.Handler.ReportHandlingAsync(report);
        Assert.Equal(CaseStatus.Reported, reported.Status);
    }

    [Fact]
    public async Task A_livelihood_problem_needs_a_phased_plan_even_when_stopped_at_once()
    {
        var atUnit = await _steps.AtUnitAsync();
        var report = CaseSteps.RectifiedNow(atUnit.Id);
        report.TouchesLivelihood = true;
        report.Measures.Add(new Measure { Kind = MeasureKind.Stop, Scope = MeasureScope.Site, Description = "早餐摊点燃煤炉灶停用", VerificationDate = "2024-10-31" });
        report.Plan = new RectificationPlan
        {
            Target = "摊点全部改用清洁能源", Measures = "统一更换电炉，给予补贴", Deadline = "2024-12-31", ResponsibleUnit = "虎丘区城管局",
            Phases = { new PlanPhase { Description = "全部停用燃煤炉灶", Deadline = "2024-12-31" } },
        };

        var onePhase = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.ReportHandlingAsync(report).ResponseAsync);
        report.Plan.Phases.Clear();
        report.Plan.Phases.Add(new PlanPhase { Description = "主干道两侧摊点先行更换电炉", Deadline = "2024-11-15" });
        report.Plan.Phases.Add(new PlanPhase { Description = "其余摊点完成更换", Deadline = "2025-01-15" });
        var pastThePlan = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.ReportHandlingAsync(report).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, onePhase.StatusCode);
        Assert.Contains("分类施策", onePhase.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, pastThePlan.StatusCode);
        Assert.Contains("plan.phases[1].deadline", pastThePlan.Status.Detail);
        await AssertUnchangedAsync(atUnit);

        report.Plan.Phases[1].Deadline = "2024-12-31";
        await _steps.Handler.ReportHandlingAsync(report);
        var stored = Assert.Single((await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = atUnit.Id })).Reports);
        Assert.True(stored.TouchesLivelihood);
        Assert.Equal(["2024-11-15", "2024-12-31"], stored.Plan.Phases.Select(p => p.Deadline));
    }

    [Fact]
    public async Task A_stop_order_without_a_verification_date_is_refused()
    {
        var atUnit = await _steps.AtUnitAsync();
        var report = CaseSteps.RectifiedNow(atUnit.Id);
        report.Measures.Add(new Measure { Kind = MeasureKind.Shutdown, Scope = MeasureScope.Site, Description = "关停取缔" });

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.ReportHandlingAsync(report).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("verification date", error.Status.Detail);
        await AssertUnchangedAsync(atUnit);
    }

    [Fact]
    public async Task Findings_and_result_are_required_and_named()
    {
        var atUnit = await _steps.AtUnitAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Handler.ReportHandlingAsync(new ReportHandlingRequest { CaseId = atUnit.Id, RectifiedNow = true }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("findings", error.Status.Detail);
        Assert.Contains("result", error.Status.Detail);
        await AssertUnchangedAsync(atUnit);
    }

    [Fact]
    public async Task Only_the_unit_holding_the_case_reports_and_only_once_it_was_assigned()
    {
        var atUnit = await _steps.AtUnitAsync();
        var received = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());

        var otherUnit = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit("320505", "虎丘区住房和城乡建设局")).ReportHandlingAsync(CaseSteps.RectifiedNow(atUnit.Id)).ResponseAsync);
        var office = await Assert.ThrowsAsync<RpcException>(() => _steps.County.ReportHandlingAsync(CaseSteps.RectifiedNow(atUnit.Id)).ResponseAsync);
        var notAssigned = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.ReportHandlingAsync(CaseSteps.RectifiedNow(received.Id)).ResponseAsync);

        // Another unit was never assigned the case, and the county office is not the one holding it: neither may act.
        Assert.Equal(StatusCode.PermissionDenied, otherUnit.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, office.StatusCode);
        Assert.Contains(CaseSteps.Unit, office.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, notAssigned.StatusCode);
        Assert.Contains("Received", notAssigned.Status.Detail);
        await AssertUnchangedAsync(atUnit);
    }

    [Fact]
    public async Task A_unit_returns_a_case_to_its_office_and_a_second_bounce_is_buck_passing()
    {
        var atUnit = await _steps.AtUnitAsync();

        var back = await _steps.Handler.ReturnCaseAsync(new ReturnCaseRequest { CaseId = atUnit.Id, Reason = "属住建部门职责" });
        await _steps.County.AssignDownAsync(new AssignDownRequest { CaseId = atUnit.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 8 });
        var again = await _steps.Handler.ReturnCaseAsync(new ReturnCaseRequest { CaseId = atUnit.Id, Reason = "仍属住建部门职责" });

        Assert.Equal(("320505", "", "2024-10-15", CaseStatus.Returned), (back.HolderJurisdictionCode, back.HolderUnit, back.Deadline, back.Status));
        Assert.True(again.BuckPassingFlagged);

        // The county office may then handle it itself; its report goes up to the city.
        var reported = await _steps.County.ReportHandlingAsync(CaseSteps.RectifiedNow(atUnit.Id));
        Assert.Equal((CaseStatus.Reported, "320500"), (reported.Status, reported.HolderJurisdictionCode));
    }
}
