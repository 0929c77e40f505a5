using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Application;
using Grpc.Core;

namespace Ducha.Exposure.Grpc;

/// <summary>Accountability for exposed problems: the cities' reports, the province's spot checks and its notice.</summary>
public sealed partial class ExposureGrpcService
{
    public override async Task<AccountabilityReport> SubmitAccountabilityReport(SubmitAccountabilityReportRequest request, ServerCallContext context)
    {
        var period = AccountabilityRequests.Validate(request);
        var report = await Use<SubmitAccountabilityReport>().HandleAsync(request.CityCode, period, request.Remarks, request.IdempotencyKey, guard.Caller,
            context.CancellationToken);
        return report.ToContract();
    }

    public override async Task<AccountabilityReport> DraftAccountabilityReport(DraftAccountabilityReportRequest request, ServerCallContext context)
    {
        var period = AccountabilityRequests.Validate(request);
        return (await Use<DraftAccountabilityReport>().HandleAsync(request.CityCode, period, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<AccountabilityReport> GetAccountabilityReport(GetAccountabilityReportRequest request, ServerCallContext context)
    {
        var (period, version) = AccountabilityRequests.Validate(request);
        return (await Use<GetAccountabilityReport>().HandleAsync(request.CityCode, period, version, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<SpotCheck> DrawSpotCheck(DrawSpotCheckRequest request, ServerCallContext context)
    {
        var period = SpotCheckRequests.Validate(request);
        var check = await Use<DrawSpotCheck>().HandleAsync(request.CityCode, period, request.Count, request.IdempotencyKey, guard.Caller,
            context.CancellationToken);
        return check.ToContract();
    }

    public override async Task<SpotCheck> GetSpotCheck(GetSpotCheckRequest request, ServerCallContext context) =>
        (await Use<GetSpotCheck>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract();

    public override async Task<SpotCheck> RecordSpotCheckFinding(RecordSpotCheckFindingRequest request, ServerCallContext context)
    {
        SpotCheckRequests.Validate(request);
        var check = await Use<RecordSpotCheckFinding>().HandleAsync(request.SpotCheckId, request.ExposureId, request.RectificationHeld,
            request.AccountabilityHeld, request.Finding, guard.Caller, context.CancellationToken);
        return check.ToContract();
    }

    public override async Task<AccountabilityNotice> GetAccountabilityNotice(GetAccountabilityNoticeRequest request, ServerCallContext context)
    {
        var period = AccountabilityRequests.Validate(request);
        var (province, text) = await Use<GetAccountabilityNotice>().HandleAsync(period, guard.Caller, context.CancellationToken);
        return period.ToContract(province.Code, text);
    }
}
