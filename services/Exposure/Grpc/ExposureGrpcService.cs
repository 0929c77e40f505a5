using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using Grpc.Core;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

public sealed class ExposureGrpcService(JurisdictionGuard guard, RegisterMediaOutlet register, JurisdictionRecords<ExposureDbContext> records)
    : Contracts.Exposure.V1.Exposure.ExposureBase
{
    public override async Task<MediaOutlet> CreateMediaOutlet(CreateMediaOutletRequest request, ServerCallContext context)
    {
        MediaOutletRequests.Validate(request);
        var outlet = await register.HandleAsync(request.JurisdictionCode, request.Name, (Domain.MediaKind)request.Kind, request.ColumnName,
            request.WeeklyQuota, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return outlet.ToContract();
    }

    public override async Task<MediaOutlet> GetMediaOutlet(GetMediaOutletRequest request, ServerCallContext context) =>
        (await records.FindAsync<Domain.MediaOutlet>(RecordIds.Require(request.Id), guard.Caller, "GetMediaOutlet", context.CancellationToken)).ToContract();
}
