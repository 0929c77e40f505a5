using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>督: offices above the holder chase the case; stop orders are checked on their verification date.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> Supervise(SuperviseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .RequireDefined(request.Kind, "kind")
            .OptionalText(request.Leader, "leader", 100)
            .OptionalText(request.Note, "note", 2000)
            .ThrowIfInvalid();
        var command = new SuperviseCommand(request.CaseId, (Domain.SupervisionKind)request.Kind, Blank(request.Leader), Blank(request.Note));
        return ToContract(await Use<Application.Supervise>(context).HandleAsync(command, Actor, context.CancellationToken));
    }

    public override async Task<Case> VerifyStopMeasure(VerifyStopMeasureRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.MeasureNumber >= 1, "measure_number", "must be a measure number from the case file")
            .RequireText(request.Finding, "finding", 2000)
            .ThrowIfInvalid();
        var command = new VerifyStopMeasureCommand(request.CaseId, request.MeasureNumber, request.Finding.Trim());
        return ToContract(await Use<Application.VerifyStopMeasure>(context).HandleAsync(command, Actor, context.CancellationToken));
    }
}
