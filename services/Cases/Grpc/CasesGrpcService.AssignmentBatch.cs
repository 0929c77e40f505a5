using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>转 for many cases in one call.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<AssignDownBatchResponse> AssignDownBatch(AssignDownBatchRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        validator.Require(request.Assignments.Count is >= 1 and <= Application.AssignDownBatch.MaxAssignments, "assignments",
            $"must hold 1 to {Application.AssignDownBatch.MaxAssignments} assignments (this one holds {request.Assignments.Count})");
        // Items beyond the bound are not checked one by one: the caller splits the batch first.
        var commands = request.Assignments.Count <= Application.AssignDownBatch.MaxAssignments
            ? request.Assignments.Select((a, i) => ToCommand(a, validator, $"assignments[{i}].")).ToList()
            : [];
        validator.ThrowIfInvalid();
        var outcomes = await Use<Application.AssignDownBatch>(context).HandleAsync(commands, Actor, context.CancellationToken);
        var response = new AssignDownBatchResponse();
        response.Results.AddRange(outcomes.Select((o, i) => o.Case is { } view
            ? new AssignDownResult { CaseId = o.CaseId, Case = ToContract(view) }
            : new AssignDownResult { CaseId = o.CaseId, Refusal = ToRefusal(o.Refusal!, $"assignments[{i}].") }));
        return response;
    }

    /// <summary>The status the single AssignDown would have answered for this case, as ErrorInterceptor maps it, with the fields named in the batch.</summary>
    private static AssignDownRefusal ToRefusal(Exception refusal, string prefix)
    {
        var (code, fields) = refusal switch
        {
            RequestValidationException invalid => (StatusCode.InvalidArgument, invalid.Violations.Select(v => v.Field).ToList()),
            EntityNotFoundException => (StatusCode.NotFound, []),
            PermissionDeniedException => (StatusCode.PermissionDenied, []),
            DomainRuleException rule => (StatusCode.FailedPrecondition, rule.Fields.ToList()),
            ConcurrentChangeException => (StatusCode.Aborted, []),
            _ => throw new InvalidOperationException($"Not a refusal: {refusal.GetType().Name}", refusal),
        };
        var answer = new AssignDownRefusal { Code = (int)code, Status = StatusName(code), Message = refusal.Message };
        answer.Fields.AddRange(fields.Select(f => prefix + f));
        return answer;
    }

    /// <summary>google.rpc.Code's name: FAILED_PRECONDITION for FailedPrecondition.</summary>
    private static string StatusName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
