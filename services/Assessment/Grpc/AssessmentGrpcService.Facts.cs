using Ducha.Assessment.Application.Facts;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;

namespace Ducha.Assessment.Grpc;

/// <summary>The deductions as the events left them, and the operators' rebuild of them.</summary>
public sealed partial class AssessmentGrpcService
{
    public override async Task<DeductionPage> ListDeductions(ListDeductionsRequest request, ServerCallContext context)
    {
        var (department, pageSize, after) = FactRequests.Validate(request);
        var list = await Use<Application.Facts.ListDeductions>().HandleAsync(request.JurisdictionCode, request.Year, department, pageSize, after,
            guard.Caller, context.CancellationToken);
        return list.ToContract();
    }

    public override async Task<Contracts.Assessment.V1.ScoresRebuild> RebuildScores(RebuildScoresRequest request, ServerCallContext context) =>
        (await Use<Application.Facts.RebuildScores>().HandleAsync(request.DryRun, guard.Caller, context.CancellationToken)).ToContract();
}
