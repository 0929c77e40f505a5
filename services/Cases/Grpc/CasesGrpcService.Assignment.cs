using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>转: assigning down and returning.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> AssignDown(AssignDownRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var command = ToCommand(request, validator, prefix: "");
        validator.ThrowIfInvalid();
        return ToContract(await Use<Application.AssignDown>(context).HandleAsync(command, Actor, context.CancellationToken));
    }

    /// <summary>Checks one assignment's wire fields, named after <paramref name="prefix"/> (a batch's <c>assignments[i].</c>), and maps it.</summary>
    private static AssignDownCommand ToCommand(AssignDownRequest request, RequestValidator validator, string prefix)
    {
        validator.RequireText(request.CaseId, prefix + "case_id", 36);
        var toUnit = Blank(request.HandlingUnit);
        if (toUnit is null || !string.IsNullOrEmpty(request.ToJurisdictionCode))
            validator.RequireJurisdictionCode(request.ToJurisdictionCode, prefix + "to_jurisdiction_code");
        validator
            .Require(request.WorkingDays is >= 1 and <= 365, prefix + "working_days", "must be between 1 and 365")
            .OptionalText(request.Reason, prefix + "reason", 2000)
            .OptionalText(request.HandlingUnit, prefix + "handling_unit", 100);
        return new AssignDownCommand(request.CaseId, Blank(request.ToJurisdictionCode), toUnit, request.WorkingDays, Blank(request.Reason));
    }

    public override async Task<AssignmentTerms> GetAssignmentTerms(GetAssignmentTermsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.ThrowIfInvalid();
        var terms = await Use<Application.GetAssignmentTerms>(context).HandleAsync(request.CaseId, Actor, context.CancellationToken);
        return new AssignmentTerms
        {
            DeliveredAt = Timestamp.FromDateTimeOffset(terms.DeliveredAt),
            MinWorkingDays = terms.MinimumWorkingDays ?? 0,
            HasMinimum = terms.MinimumWorkingDays is not null,
            MaxWorkingDays = terms.MaximumWorkingDays ?? 0,
            HasMaximum = terms.MaximumWorkingDays is not null,
            HolderDeadline = terms.HolderDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            ReportingMargin = terms.Margin,
        };
    }

    public override async Task<Case> ReturnCase(ReturnCaseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.RequireText(request.Reason, "reason", 2000).ThrowIfInvalid();
        var command = new ReturnCaseCommand(request.CaseId, request.Reason.Trim());
        return ToContract(await Use<Application.ReturnCase>(context).HandleAsync(command, Actor, context.CancellationToken));
    }
}
