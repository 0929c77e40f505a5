using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>核: accepting moves the report up the chain; sending back returns it to whoever reported, with reasons.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class VerificationTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private async Task<Case> ReportedAsync()
    {
        var atUnit = await _steps.AtUnitAsync();
        return await _steps.Handler.ReportHandlingAsync(CaseSteps.RectifiedNow(atUnit.Id));
    }

    [Fact]
    public async Task A_report_sent_back_goes_to_the_unit_under_its_deadline_and_can_be_reported_again()
    {
        var reported = await ReportedAsync();

        var sentBack = await _steps.County.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id, Reason = "现场核查仍有异味，整改不到位" });

        Assert.Equal((CaseStatus.SentBack, "320505", CaseSteps.Unit, "2024-10-14"),
            (sentBack.Status, sentBack.HolderJurisdictionCode, sentBack.HolderUnit, sentBack.Deadline));
        var last = (await _steps.County.GetHistoryAsync(new GetHistoryRequest { Id = reported.Id })).Transitions.Last();
        Assert.Equal("SendBack", last.Action);
        Assert.Contains("整改不到位", last.Reason);

        var again = await _steps.Handler.ReportHandlingAsync(CaseSteps.RectifiedNow(reported.Id));
        Assert.Equal((CaseStatus.Reported, "320505"), (again.Status, again.HolderJurisdictionCode));
        Assert.Equal(2, (await _steps.County.GetCaseFileAsync(new GetCaseFileRequest { Id = reported.Id })).Reports.Count);
    }

    [Fact]
    public async Task A_city_sends_back_to_the_county_which_can_hand_it_to_its_unit_again()
    {
        var reported = await ReportedAsync();
        await _steps.County.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id, Accept = true });

        var atCounty = await _steps.City.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id, Reason = "未说明责任追究情况" });
        var atUnit = await _steps.County.AssignDownAsync(new AssignDownRequest { CaseId = reported.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 8 });

        Assert.Equal((CaseStatus.SentBack, "320505", "", "2024-10-15"), (atCounty.Status, atCounty.HolderJurisdictionCode, atCounty.HolderUnit, atCounty.Deadline));
        Assert.Equal((CaseStatus.Assigned, CaseSteps.Unit), (atUnit.Status, atUnit.HolderUnit));
    }

    [Fact]
    public async Task Sending_back_needs_a_reason_and_only_the_office_holding_the_report_verifies()
    {
        var reported = await ReportedAsync();

        var noReason = await Assert.ThrowsAsync<RpcException>(() => _steps.County.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id }).ResponseAsync);
        var byUnit = await Assert.ThrowsAsync<RpcException>(() => _steps.Handler.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id, Accept = true }).ResponseAsync);
        var byCity = await Assert.ThrowsAsync<RpcException>(() => _steps.City.VerifyReportAsync(new VerifyReportRequest { CaseId = reported.Id, Accept = true }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("reason", noReason.Status.Detail);
        // Who may act is a permission, not a state: a unit never verifies, and the city does not hold the report.
        Assert.Equal(StatusCode.PermissionDenied, byUnit.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byCity.StatusCode);
        var unchanged = await _steps.County.GetCaseAsync(new GetCaseRequest { Id = reported.Id });
        Assert.Equal((CaseStatus.Reported, "320505"), (unchanged.Status, unchanged.HolderJurisdictionCode));
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_with_the_reason()
    {
        var atUnit = await _steps.AtUnitAsync();
        var reported = await ReportedAsync();

        var received = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());
        var verifyUnreported = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.Province.VerifyReportAsync(new VerifyReportRequest { CaseId = received.Id, Accept = true }).ResponseAsync);
        var returnReported = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.County.ReturnCaseAsync(new ReturnCaseRequest { CaseId = reported.Id, Reason = "不是我们" }).ResponseAsync);
        var assignReported = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.County.AssignDownAsync(new AssignDownRequest { CaseId = reported.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 8 }).ResponseAsync);
        var closeUnverified = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.County.CloseCaseAsync(new CloseCaseRequest { CaseId = reported.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied }).ResponseAsync);

        Assert.All([verifyUnreported, returnReported, assignReported, closeUnverified], e => Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode));
        Assert.Contains("verify the report first", assignReported.Status.Detail);
        Assert.Contains("Only a verified case can be closed", closeUnverified.Status.Detail);
    }
}
