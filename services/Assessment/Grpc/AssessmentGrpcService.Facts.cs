using Ducha.Assessment.Application.Facts;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;

namespace Ducha.Assessment.Grpc;

/// <summary>The deductions as the events left them, and the operators' rebuild of them.</summary>
public sealed partial class AssessmentGrpcService
{
    private static T UseFacts<T>(ServerCallContext context) where T : notnull => context.GetHttpContext().RequestServices.GetRequiredService<T>();

    private static Actor FactsCaller(ServerCallContext context) => UseFacts<JurisdictionGuard>(context).Caller;

    public override async Task<DeductionPage> ListDeductions(ListDeductionsRequest request, ServerCallContext context)
    {
        var (department, pageSize, after) = FactRequests.Validate(request);
        var list = await UseFacts<Application.Facts.ListDeductions>(context).HandleAsync(request.JurisdictionCode, request.Year, department, pageSize, after,
            FactsCaller(context), context.CancellationToken);
        return list.ToContract();
    }

    public override async Task<Contracts.Assessment.V1.ScoresRebuild> RebuildScores(RebuildScoresRequest request, ServerCallContext context) =>
        (await UseFacts<Application.Facts.RebuildScores>(context).HandleAsync(request.DryRun, FactsCaller(context), context.CancellationToken)).ToContract();
}
