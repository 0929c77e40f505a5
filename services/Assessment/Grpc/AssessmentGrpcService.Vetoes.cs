using Ducha.Contracts.Assessment.V1;
using Grpc.Core;

namespace Ducha.Assessment.Grpc;

/// <summary>一票否优: requests checked in SheetRequests, rules in Application/Vetoes and Domain/Vetoes/Veto.cs.</summary>
public sealed partial class AssessmentGrpcService
{
    public override async Task<Veto> RecordVeto(RecordVetoRequest request, ServerCallContext context)
    {
        var (party, ground) = SheetRequests.Validate(request);
        var veto = await Use<Application.Vetoes.RecordVeto>().HandleAsync(party, request.Year, ground, request.Evidence,
            string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return veto.ToContract();
    }

    public override async Task<Veto> WithdrawVeto(WithdrawVetoRequest request, ServerCallContext context)
    {
        SheetRequests.Validate(request);
        return (await Use<Application.Vetoes.WithdrawVeto>().HandleAsync(request.Id, request.Reason, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<VetoPage> ListVetoes(ListVetoesRequest request, ServerCallContext context)
    {
        SheetRequests.Validate(request);
        var reply = new VetoPage();
        reply.Vetoes.AddRange((await Use<Application.Vetoes.ListVetoes>().HandleAsync(request.JurisdictionCode, request.Year, guard.Caller,
            context.CancellationToken)).Select(v => v.ToContract()));
        return reply;
    }
}
