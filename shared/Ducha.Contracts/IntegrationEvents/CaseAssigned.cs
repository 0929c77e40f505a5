using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>转: a case was passed down one level or to a handling unit (<c>ToUnit</c>), with the receiver's deadline.</summary>
[IntegrationEvent("cases.case-assigned", "ducha.cases.case-assigned.v1")]
public sealed record CaseAssigned(
    string CaseId,
    string JurisdictionCode,
    string FromJurisdictionCode,
    string ToJurisdictionCode,
    int WorkingDays,
    DateOnly Deadline,
    DateTimeOffset DeliveredAt,
    string? ToUnit = null,
    bool DeadlineProvisional = false) : IIntegrationEvent;
