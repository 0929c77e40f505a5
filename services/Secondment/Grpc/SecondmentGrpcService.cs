using Ducha.BuildingBlocks;
using Ducha.Contracts.Secondment.V1;
using Ducha.Persistence;
using Ducha.Secondment.Data;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

public sealed class SecondmentGrpcService(SecondmentDbContext db, JurisdictionGuard guard, TimeProvider time, ILogger<SecondmentGrpcService> logger)
    : Contracts.Secondment.V1.Secondment.SecondmentBase
{
    public override async Task<Cadre> CreateCadre(CreateCadreRequest request, ServerCallContext context)
    {
        CadreRequests.Validate(request);
        guard.Require("CreateCadre", Role.Organization, Role.Office);
        guard.EnsureWithin(request.JurisdictionCode, "CreateCadre");
        var (entity, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => c => c.IdempotencyKey == key,
            () => Domain.Cadre.Register(request.JurisdictionCode, request.Name, request.HomeUnit, (Domain.CadreRank)request.Rank,
                request.IdempotencyKey, time.GetStoredUtcNow()),
            // No event yet: nobody downstream needs cadres. One added here would commit with the cadre.
            _ => { },
            context.CancellationToken);
        // The name is personal data; the id is enough to trace the cadre.
        if (created)
            logger.LogInformation("Cadre {CadreId} registered for {JurisdictionCode} at rank {Rank}", entity.Id, entity.JurisdictionCode, entity.Rank);
        return entity.ToContract();
    }

    public override async Task<Cadre> GetCadre(GetCadreRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("Cadre", request.Id);
        guard.EnsureWithin(entity.JurisdictionCode, "GetCadre");
        return entity.ToContract();
    }
}
