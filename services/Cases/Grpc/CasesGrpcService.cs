using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.Outbox;
using Ducha.Persistence;
using Ducha.ServiceDefaults.Errors;
using Ducha.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

public sealed class CasesGrpcService(CasesDbContext db, JurisdictionGuard guard, EventOutbox<CasesDbContext> outbox, TimeProvider time,
    ILogger<CasesGrpcService> logger) : Contracts.Cases.V1.Cases.CasesBase
{
    public override async Task<Case> CreateCase(CreateCaseRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request);
        guard.EnsureWithin(request.JurisdictionCode, "CreateCase");
        var (entity, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => c => c.IdempotencyKey == key,
            () => Domain.Case.Receive(request.JurisdictionCode, request.Address, request.Coordinates?.Latitude, request.Coordinates?.Longitude,
                request.Polluter, (Domain.PollutionType)request.PollutionType, request.Description, (Domain.Channel)request.Channel,
                request.CentralInspection, request.IdempotencyKey, time.GetStoredUtcNow()),
            c => outbox.Add(new CaseReceived(c.Id, c.JurisdictionCode, c.Channel.ToString(), c.PollutionType.ToString(), c.CentralInspection, c.ReceivedAt)),
            context.CancellationToken);
        if (created)
            logger.LogInformation("Case {CaseId} received for {JurisdictionCode} via {Channel}", entity.Id, entity.JurisdictionCode, entity.Channel);
        return entity.ToContract();
    }

    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("Case", request.Id);
        guard.EnsureWithin(entity.JurisdictionCode, "GetCase");
        return entity.ToContract();
    }
}
