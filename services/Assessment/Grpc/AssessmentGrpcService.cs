using Ducha.Assessment.Application;
using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using Domain = Ducha.Assessment.Domain;

namespace Ducha.Assessment.Grpc;

public sealed class AssessmentGrpcService(JurisdictionGuard guard, CreatePlan create, JurisdictionRecords<AssessmentDbContext> records)
    : Contracts.Assessment.V1.Assessment.AssessmentBase
{
    public override async Task<AssessmentPlan> CreatePlan(CreatePlanRequest request, ServerCallContext context)
    {
        PlanRequests.Validate(request);
        var plan = await create.HandleAsync(request.JurisdictionCode, request.Year, request.Title, (Domain.PlanKind)request.Kind,
            request.Programme, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return plan.ToContract();
    }

    public override async Task<AssessmentPlan> GetPlan(GetPlanRequest request, ServerCallContext context) =>
        (await records.FindAsync<Domain.AssessmentPlan>(RecordIds.Require(request.Id), guard.Caller, "GetPlan", context.CancellationToken)).ToContract();
}
