using Ducha.BuildingBlocks;
using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Ducha.Persistence;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

public sealed class ExposureGrpcService(ExposureDbContext db, JurisdictionGuard guard, TimeProvider time, ILogger<ExposureGrpcService> logger)
    : Contracts.Exposure.V1.Exposure.ExposureBase
{
    public override async Task<MediaOutlet> CreateMediaOutlet(CreateMediaOutletRequest request, ServerCallContext context)
    {
        MediaOutletRequests.Validate(request);
        guard.Require("CreateMediaOutlet", Role.Office);
        guard.EnsureWithin(request.JurisdictionCode, "CreateMediaOutlet");
        var (entity, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => o => o.IdempotencyKey == key,
            () => Domain.MediaOutlet.Register(request.JurisdictionCode, request.Name, (Domain.MediaKind)request.Kind, request.ColumnName,
                request.WeeklyQuota, request.IdempotencyKey, time.GetStoredUtcNow()),
            // No event yet: nobody downstream needs outlets. One added here would commit with the outlet.
            _ => { },
            context.CancellationToken);
        if (created)
            logger.LogInformation("Media outlet {OutletId} registered for {JurisdictionCode} as {Kind}", entity.Id, entity.JurisdictionCode, entity.Kind);
        return entity.ToContract();
    }

    public override async Task<MediaOutlet> GetMediaOutlet(GetMediaOutletRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await db.MediaOutlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("MediaOutlet", request.Id);
        guard.EnsureWithin(entity.JurisdictionCode, "GetMediaOutlet");
        return entity.ToContract();
    }
}
