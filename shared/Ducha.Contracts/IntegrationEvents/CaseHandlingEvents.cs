using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>The case reached its new holder; after quiet hours that is 08:00 of the next working day, when its clock starts.</summary>
[IntegrationEvent("cases.case-delivered", "ducha.cases.case-delivered.v1")]
public sealed record CaseDelivered(string CaseId, string JurisdictionCode, string ToJurisdictionCode, string? ToUnit, DateOnly Deadline,
    DateTimeOffset DeliveredAt, bool DeadlineProvisional = false) : IIntegrationEvent;

/// <summary>办: the holder reported findings and result; the report went up to the assigning office.</summary>
[IntegrationEvent("cases.case-reported", "ducha.cases.case-reported.v1")]
public sealed record CaseReported(string CaseId, string JurisdictionCode, string ByJurisdictionCode, string? ByUnit, string ToJurisdictionCode,
    bool RectifiedNow, DateOnly? PlanDeadline, int StopMeasures, DateTimeOffset ReportedAt) : IIntegrationEvent;

/// <summary>核: an office accepted the report; <c>Final</c> when it was the originating office and the case can close.</summary>
[IntegrationEvent("cases.case-verified", "ducha.cases.case-verified.v1")]
public sealed record CaseVerified(string CaseId, string JurisdictionCode, string ByJurisdictionCode, string? NextJurisdictionCode, bool Final,
    string? Method, DateTimeOffset VerifiedAt) : IIntegrationEvent;

/// <summary>核: an office sent the report back down to whoever reported it, with reasons.</summary>
[IntegrationEvent("cases.case-sent-back", "ducha.cases.case-sent-back.v1")]
public sealed record CaseSentBack(string CaseId, string JurisdictionCode, string ByJurisdictionCode, string ToJurisdictionCode, string? ToUnit,
    string Reason, DateTimeOffset SentBackAt) : IIntegrationEvent;
