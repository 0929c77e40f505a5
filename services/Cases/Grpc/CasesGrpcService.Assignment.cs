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
        RequireCaseId(request.CaseId, validator);
        var toUnit = Blank(request.HandlingUnit);
        if (toUnit is null || !string.IsNullOrEmpty(request.ToJurisdictionCode))
            validator.RequireJurisdictionCode(request.ToJurisdictionCode, "to_jurisdiction_code");
        validator
            .Require(request.WorkingDays is >= 1 and <= 365, "working_days", "must be between 1 and 365")
            .OptionalText(request.Reason, "reason", 2000)
            .OptionalText(request.HandlingUnit, "handling_unit", 100)
            .ThrowIfInvalid();
        var command = new AssignDownCommand(request.CaseId, Blank(request.ToJurisdictionCode), toUnit, request.WorkingDays, Blank(request.Reason));
        return ToContract(await Use<Application.AssignDown>(context).HandleAsync(command, Actor, context.CancellationToken));
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
