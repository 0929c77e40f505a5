using Ducha.Contracts.Secondment.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Grpc;

/// <summary>Request checks and contract mapping for supervision requests (监察申请).</summary>
internal static class SupervisionRequests
{
    public static void Validate(RequestSupervisionRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.CaseId, "case_id", 36)
            .RequireDefined(request.FromGroup, "from_group")
            .RequireDefined(request.Reason, "reason")
            .RequireText(request.Details, "details", 2000)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(RequestSupervisionRequest.Descriptor);

    public static void Validate(ResolveSupervisionRequest request) =>
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .RequireText(request.Outcome, "outcome", 2000)
            .ThrowIfInvalid(ResolveSupervisionRequest.Descriptor);

    public static void Validate(ListSupervisionRequestsRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.PageSize is >= 0 and <= 200, "page_size", "must be between 1 and 200 (0 for the default, 50)")
            .OptionalText(request.PageToken, "page_token", 200)
            .ThrowIfInvalid(ListSupervisionRequestsRequest.Descriptor);

    public static SupervisionRequest ToContract(this Model.SupervisionRequest r, DateOnly today)
    {
        var contract = new SupervisionRequest
        {
            Id = r.Id,
            JurisdictionCode = r.JurisdictionCode,
            CaseId = r.CaseId,
            FromGroup = (GroupKind)r.FromGroup,
            Reason = (SupervisionReason)r.Reason,
            Details = r.Details,
            Deadline = r.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            State = (SupervisionState)r.State,
            Outcome = r.Outcome ?? "",
            AccountabilityCarriedOut = r.AccountabilityCarriedOut,
            RequestedAt = Timestamp.FromDateTimeOffset(r.RequestedAt),
            Overdue = r.IsOverdue(today),
        };
        if (r.ResolvedAt is { } resolved) contract.ResolvedAt = Timestamp.FromDateTimeOffset(resolved);
        return contract;
    }
}
