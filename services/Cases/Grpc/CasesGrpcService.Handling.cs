using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>办 and 核: the handling report goes up; each office accepts it onward or sends it back down.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> ReportHandling(ReportHandlingRequest request, ServerCallContext context)
    {
        var draft = request.ToDraft();
        return ToContract(await Use<Application.ReportHandling>(context).HandleAsync(request.CaseId, draft, Actor, context.CancellationToken));
    }

    public override async Task<Case> VerifyReport(VerifyReportRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.Accept || !string.IsNullOrWhiteSpace(request.Reason), "reason", "is required when sending a report back")
            .OptionalText(request.Reason, "reason", 2000)
            .Require(request.Method == VerificationMethod.Unspecified || Enum.IsDefined(request.Method), "method", "is not a verification method")
            .ThrowIfInvalid();
        var method = request.Method == VerificationMethod.Unspecified ? (Domain.VerificationMethod?)null : (Domain.VerificationMethod)request.Method;
        var command = new VerifyReportCommand(request.CaseId, request.Accept, method, Blank(request.Reason));
        return ToContract(await Use<Application.VerifyReport>(context).HandleAsync(command, Actor, context.CancellationToken));
    }
}
