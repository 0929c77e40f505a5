using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.Draws;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

// ——— 双随机一公开 draws ———
public sealed partial class SecondmentGrpcService
{
    public override async Task<InspectionTarget> AddTarget(AddTargetRequest request, ServerCallContext context)
    {
        DrawRequests.Validate(request);
        return (await Use<AddTarget>().HandleAsync(request.JurisdictionCode, request.Name, request.PollutionType, (Domain.RiskClass)request.Risk,
            request.IdempotencyKey, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<InspectionTargetPage> ListTargets(ListTargetsRequest request, ServerCallContext context)
    {
        DrawRequests.ValidateList(request.JurisdictionCode, request.PageSize, request.PageToken);
        var (rows, next) = await Use<ListTargets>().HandleAsync(request.JurisdictionCode, request.PageSize, request.PageToken, guard.Caller,
            context.CancellationToken);
        var page = new InspectionTargetPage { NextPageToken = next };
        page.Targets.AddRange(rows.Select(t => t.ToContract()));
        return page;
    }

    public override async Task<Inspector> AddInspector(AddInspectorRequest request, ServerCallContext context)
    {
        DrawRequests.Validate(request);
        return (await Use<AddInspector>().HandleAsync(request.JurisdictionCode, request.CadreId, request.Name, request.Unit, request.HomeJurisdictionCode,
            request.IdempotencyKey, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<InspectorPage> ListInspectors(ListInspectorsRequest request, ServerCallContext context)
    {
        DrawRequests.ValidateList(request.JurisdictionCode, request.PageSize, request.PageToken);
        var (rows, next) = await Use<ListInspectors>().HandleAsync(request.JurisdictionCode, request.PageSize, request.PageToken, guard.Caller,
            context.CancellationToken);
        var page = new InspectorPage { NextPageToken = next };
        page.Inspectors.AddRange(rows.Select(i => i.ToContract()));
        return page;
    }

    public override async Task<Draw> MakeDraw(MakeDrawRequest request, ServerCallContext context)
    {
        DrawRequests.Validate(request);
        var draw = await Use<MakeDraw>().HandleAsync(request.JurisdictionCode,
            new Domain.DrawProcedure.Counts(request.Round.Trim(), request.Targets, request.Teams, request.TeamSize), request.RedrawReason, request.IdempotencyKey,
            guard.Caller, context.CancellationToken);
        return draw.ToContract(showPairs: true);
    }

    public override async Task<Draw> GetDraw(GetDrawRequest request, ServerCallContext context)
    {
        var (draw, showPairs) = await Use<GetDraw>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken);
        return draw.ToContract(showPairs);
    }

    public override async Task<DrawPage> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        DrawRequests.ValidateList(request.JurisdictionCode, request.PageSize, request.PageToken);
        var (rows, next) = await Use<ListDraws>().HandleAsync(request.JurisdictionCode, request.PageSize, request.PageToken, guard.Caller,
            context.CancellationToken);
        var page = new DrawPage { NextPageToken = next };
        page.Draws.AddRange(rows.Select(r => r.Draw.ToContract(r.ShowPairs)));
        return page;
    }

    public override async Task<Draw> RecordFinding(RecordFindingRequest request, ServerCallContext context)
    {
        DrawRequests.Validate(request);
        return (await Use<RecordFinding>().HandleAsync(request.Id, request.TargetId, request.Findings, guard.Caller, context.CancellationToken))
            .ToContract(showPairs: true);
    }

    public override async Task<Draw> RevealDraw(RevealDrawRequest request, ServerCallContext context) =>
        (await Use<RevealDraw>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract(showPairs: true);

    public override async Task<DrawVerification> VerifyDraw(VerifyDrawRequest request, ServerCallContext context)
    {
        var v = await Use<VerifyDraw>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken);
        var reply = new DrawVerification { Valid = v.Valid, Commitment = v.Commitment, RecomputedCommitment = v.RecomputedCommitment, PairsMatch = v.PairsMatch };
        reply.Problems.AddRange(v.Problems);
        return reply;
    }
}
