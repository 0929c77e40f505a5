using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>The hash-chained history of a case, and its check.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<CaseHistory> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var chain = await Use<CaseHistoryQuery>(context).HistoryAsync(request.Id, Actor, context.CancellationToken);
        var reply = new CaseHistory();
        reply.Transitions.AddRange(chain.Select(t => t.ToContract()));
        return reply;
    }

    public override async Task<HistoryVerification> VerifyHistory(VerifyHistoryRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var (links, broken) = await Use<CaseHistoryQuery>(context).VerifyAsync(request.Id, Actor, context.CancellationToken);
        return new HistoryVerification
        {
            Intact = broken is null,
            Transitions = links,
            FirstBrokenSequence = broken?.Sequence ?? 0,
            Reason = broken?.Reason ?? string.Empty,
        };
    }
}
