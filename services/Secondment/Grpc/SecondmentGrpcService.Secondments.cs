using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.Secondments;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

// ——— Cadres' roster, secondments, rotation and evaluations ———
public sealed partial class SecondmentGrpcService
{
    public override async Task<Cadre> GetCadre(GetCadreRequest request, ServerCallContext context)
    {
        var read = await Use<ReadSecondments>().GetCadreAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken);
        return read.Cadre.ToContract(read.Current, read.Today);
    }

    public override async Task<CadrePage> ListCadres(ListCadresRequest request, ServerCallContext context)
    {
        SecondmentRequests.Validate(request);
        var (cadres, next) = await Use<ReadSecondments>().ListCadresAsync(request.JurisdictionCode, request.PageSize, request.PageToken,
            guard.Caller, context.CancellationToken);
        return new CadrePage { Cadres = { cadres.Select(c => c.Cadre.ToContract(c.Current, c.Today)) }, NextPageToken = next };
    }

    public override async Task<SecondmentTerm> Second(SecondRequest request, ServerCallContext context)
    {
        var (start, end) = SecondmentRequests.Validate(request);
        var term = await Use<SecondCadre>().HandleAsync(request.CadreId, request.JurisdictionCode, (Domain.PostKind)request.Post, request.PostName,
            start, end, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return term.ToContract(Use<ReadSecondments>().Today);
    }

    public override async Task<SecondmentTerm> EndSecondment(EndSecondmentRequest request, ServerCallContext context)
    {
        SecondmentRequests.Validate(request);
        var term = await Use<EndSecondment>().HandleAsync(request.Id, request.Reason, guard.Caller, context.CancellationToken);
        return term.ToContract(Use<ReadSecondments>().Today);
    }

    public override async Task<SecondmentTerm> GetSecondment(GetSecondmentRequest request, ServerCallContext context)
    {
        var read = Use<ReadSecondments>();
        return (await read.GetSecondmentAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract(read.Today);
    }

    public override async Task<SecondmentTerm> PlanRotation(PlanRotationRequest request, ServerCallContext context)
    {
        SecondmentRequests.Validate(request);
        var term = await Use<PlanRotation>().HandleAsync(request.Id, request.SuccessorCadreId, guard.Caller, context.CancellationToken);
        return term.ToContract(Use<ReadSecondments>().Today);
    }

    public override async Task<Evaluation> RecordEvaluation(RecordEvaluationRequest request, ServerCallContext context)
    {
        SecondmentRequests.Validate(request);
        var evaluation = await Use<RecordEvaluation>().HandleAsync(request.Id, request.Year, (Domain.Evaluator)request.Evaluator,
            (Domain.Grade)request.Grade, request.Remarks, guard.Caller, context.CancellationToken);
        return evaluation.ToContract();
    }

    public override async Task<AnnualAssessmentList> ListAnnualAssessments(ListAnnualAssessmentsRequest request, ServerCallContext context)
    {
        SecondmentRequests.Validate(request);
        var list = await Use<ListAnnualAssessments>().HandleAsync(request.JurisdictionCode, request.Year, guard.Caller, context.CancellationToken);
        return new AnnualAssessmentList { Assessments = { list.Select(a => a.ToContract()) } };
    }
}
