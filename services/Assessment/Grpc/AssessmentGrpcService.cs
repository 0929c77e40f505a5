using Ducha.BuildingBlocks;
using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Ducha.Persistence;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Assessment.Domain;

namespace Ducha.Assessment.Grpc;

public sealed class AssessmentGrpcService(AssessmentDbContext db, JurisdictionGuard guard, TimeProvider time, ILogger<AssessmentGrpcService> logger)
    : Contracts.Assessment.V1.Assessment.AssessmentBase
{
    public override async Task<AssessmentPlan> CreatePlan(CreatePlanRequest request, ServerCallContext context)
    {
        PlanRequests.Validate(request);
        guard.Require("CreatePlan", Role.Office);
        guard.EnsureWithin(request.JurisdictionCode, "CreatePlan");
        var (entity, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => p => p.IdempotencyKey == key,
            () => Domain.AssessmentPlan.Create(request.JurisdictionCode, request.Year, request.Title, (Domain.PlanKind)request.Kind,
                request.Programme, request.IdempotencyKey, time.GetStoredUtcNow()),
            // No event yet: nobody downstream needs plans. One added here would commit with the plan.
            _ => { },
            context.CancellationToken);
        if (created)
            logger.LogInformation("Assessment plan {PlanId} created for {JurisdictionCode}, {Year}, {Kind}", entity.Id, entity.JurisdictionCode, entity.Year, entity.Kind);
        return entity.ToContract();
    }

    public override async Task<AssessmentPlan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await db.AssessmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("AssessmentPlan", request.Id);
        guard.EnsureWithin(entity.JurisdictionCode, "GetPlan");
        return entity.ToContract();
    }
}
