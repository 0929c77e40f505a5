using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>销号: the four not-let-go, the reporter's callback, and never on accountability alone.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ClosureTests(StandaloneFixture host)
{
    private readonly CaseSteps _steps = new(host);

    private async Task<RpcException> RefusedAsync(CloseCaseRequest request, Case verified)
    {
        var history = await _steps.HistoryLengthAsync(verified.Id);
        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.CloseCaseAsync(request).ResponseAsync);
        var after = await _steps.Province.GetCaseAsync(new GetCaseRequest { Id = verified.Id });
        Assert.Equal(CaseStatus.Verified, after.Status);
        Assert.Null(after.ClosedAt);
        Assert.Equal(history, await _steps.HistoryLengthAsync(verified.Id));
        return error;
    }

    [Fact]
    public async Task Closing_without_all_four_not_let_go_is_refused_naming_what_is_missing()
    {
        var verified = await _steps.VerifiedAsync();
        var three = CaseSteps.AllFour;
        three.PublicSatisfied = false;

        var error = await RefusedAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = three, CallbackResult = CallbackResult.Satisfied }, verified);
        var none = await RefusedAsync(new CloseCaseRequest { CaseId = verified.Id, CallbackResult = CallbackResult.Satisfied }, verified);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("public_satisfied", error.Status.Detail);
        Assert.DoesNotContain("cause_found", error.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
        Assert.Contains("attestations", none.Status.Detail);
    }

    [Fact]
    public async Task Closing_on_accountability_alone_is_refused()
    {
        var verified = await _steps.VerifiedAsync();
        await _steps.Province.RecordAccountabilityAsync(new RecordAccountabilityRequest
        {
            CaseId = verified.Id,
            People = { new AccountablePerson { Name = "李某", Position = "虎丘区生态环境局副局长", Rank = CadreRank.Section, Sanction = Sanction.Admonition } },
        });
        var accountabilityOnly = new Attestations { CauseFound = true, ResponsibilityFixed = true, PublicSatisfied = true };

        var error = await RefusedAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = accountabilityOnly, CallbackResult = CallbackResult.Satisfied }, verified);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("禁止以问责代替整改", error.Status.Detail);
    }

    [Fact]
    public async Task A_dissatisfied_reporter_blocks_closing_unless_the_office_overrides_with_a_reason()
    {
        var verified = await _steps.VerifiedAsync();
        var request = new CloseCaseRequest { CaseId = verified.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Dissatisfied, CallbackNote = "认为仍有异味" };

        var error = await RefusedAsync(request, verified);
        request.OverrideReason = "第三方监测连续 7 日达标，异味来源为相邻区域，已另案交办";
        var closed = await _steps.Province.CloseCaseAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("dissatisfied", error.Status.Detail);
        Assert.Equal((CaseStatus.Closed, CallbackResult.Dissatisfied), (closed.Status, closed.CallbackResult));
        var last = (await _steps.Province.GetHistoryAsync(new GetHistoryRequest { Id = verified.Id })).Transitions.Last();
        Assert.Contains("overridden: 第三方监测", last.Reason);
        var payloads = await host.QueryAsync<CasesDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "cases.case-closed" && m.Payload.Contains(verified.Id)).Select(m => m.Payload));
        Assert.Contains("\"overridden\":true", Assert.Single(payloads));
    }

    [Fact]
    public async Task Only_the_originating_office_closes_and_needs_the_callback_result()
    {
        var verified = await _steps.VerifiedAsync();

        var byCity = await Assert.ThrowsAsync<RpcException>(() =>
            _steps.City.CloseCaseAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied }).ResponseAsync);
        var noCallback = await RefusedAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = CaseSteps.AllFour }, verified);

        Assert.Equal(StatusCode.PermissionDenied, byCity.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noCallback.StatusCode);
        Assert.Contains("callback_result", noCallback.Status.Detail);
    }
}
