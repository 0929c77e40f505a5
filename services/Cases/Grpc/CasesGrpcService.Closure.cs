using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>销号 and 问责: closing with the four not-let-go, recording accountability and referring clues.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.Attestations is not null, "attestations", "is required: the four not-let-go (四个不放过)")
            .RequireDefined(request.CallbackResult, "callback_result")
            .OptionalText(request.CallbackNote, "callback_note", 2000)
            .OptionalText(request.OverrideReason, "override_reason", 2000)
            .ThrowIfInvalid();
        var a = request.Attestations!;
        var command = new CloseCaseCommand(request.CaseId, new Domain.Attestations(a.CauseFound, a.RectificationDone, a.ResponsibilityFixed, a.PublicSatisfied),
            (Domain.CallbackResult)request.CallbackResult, Blank(request.CallbackNote), Blank(request.OverrideReason));
        return ToContract(await Use<Application.CloseCase>(context).HandleAsync(command, Actor, context.CancellationToken));
    }

    public override async Task<Case> RecordAccountability(RecordAccountabilityRequest request, ServerCallContext context)
    {
        var people = request.ToAccountablePeople();
        return ToContract(await Use<Application.RecordAccountability>(context).HandleAsync(request.CaseId, people, Actor, context.CancellationToken));
    }

    public override async Task<Case> ReferClue(ReferClueRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.RequireText(request.Summary, "summary", 4000).ThrowIfInvalid();
        return ToContract(await Use<Application.ReferClue>(context).HandleAsync(request.CaseId, request.Summary.Trim(), Actor, context.CancellationToken));
    }
}
