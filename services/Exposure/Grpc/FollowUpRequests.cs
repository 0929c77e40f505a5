using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of follow-ups (回访).</summary>
internal static class FollowUpRequests
{
    public sealed record Checked(DateOnly? VisitDate, string? Findings, Domain.RectificationState? Rectification, string? ColumnId, DateOnly? BroadcastDate);

    public static Checked Validate(RecordFollowUpRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .Require(request.ReturnVisit is not null || request.Broadcast is not null, "return_visit", "a return visit or a broadcast (or both) is required");
        DateOnly? visitDate = null, broadcastDate = null;
        if (request.ReturnVisit is { } visit)
            validator
                .Require(!string.IsNullOrEmpty(visit.Date), "return_visit.date", "is required")
                .OptionalDate(visit.Date, "return_visit.date", out visitDate)
                .RequireText(visit.Findings, "return_visit.findings", 4000)
                .RequireDefined(visit.RectificationState, "return_visit.rectification_state");
        if (request.Broadcast is { } broadcast)
            validator
                .RequireText(broadcast.ColumnId, "broadcast.column_id", 36)
                .Require(!string.IsNullOrEmpty(broadcast.AirDate), "broadcast.air_date", "is required")
                .OptionalDate(broadcast.AirDate, "broadcast.air_date", out broadcastDate);
        validator.ThrowIfInvalid(RecordFollowUpRequest.Descriptor);
        return new Checked(visitDate, request.ReturnVisit?.Findings, request.ReturnVisit is { } v ? (Domain.RectificationState)v.RectificationState : null,
            request.Broadcast?.ColumnId.Trim(), broadcastDate);
    }

    public static void AddFollowUp(this ExposureProblem contract, Domain.ExposureProblem p, DateOnly today)
    {
        var due = p.FollowUpDeadline;
        if (p.ReturnVisit is { } visit)
            contract.ReturnVisit = new ReturnVisit
            {
                Date = visit.Date.ToWire(), Findings = visit.Findings, RectificationState = (RectificationState)visit.Rectification,
                RecordedAt = Timestamp.FromDateTimeOffset(visit.RecordedAt), RecordedBy = visit.RecordedBy, Late = visit.Date > due,
            };
        if (p.FollowUpBroadcast is { } broadcast)
            contract.FollowUpBroadcast = new FollowUpBroadcast
            {
                ColumnId = broadcast.ColumnId, AirDate = broadcast.AirDate.ToWire(), RecordedAt = Timestamp.FromDateTimeOffset(broadcast.RecordedAt),
                RecordedBy = broadcast.RecordedBy, Late = broadcast.AirDate > due,
            };
        contract.FollowUpState = p.FollowUpStateOn(today) is { } state ? (FollowUpState)state : FollowUpState.Unspecified;
    }
}
