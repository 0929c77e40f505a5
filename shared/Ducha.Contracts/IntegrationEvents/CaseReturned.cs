using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>A unit sent a case back to the office that assigned it, saying it is not responsible.</summary>
[IntegrationEvent("cases.case-returned", "ducha.cases.case-returned.v1")]
public sealed record CaseReturned(string CaseId, string JurisdictionCode, string FromJurisdictionCode, string ToJurisdictionCode,
    string Reason, DateTimeOffset ReturnedAt, string? FromUnit = null) : IIntegrationEvent;

/// <summary>推诿扯皮: the case bounced between the same two offices more than once; buck-passing is reported and costs
/// points in the annual assessment.</summary>
[IntegrationEvent("cases.buck-passing-flagged", "ducha.cases.buck-passing-flagged.v1")]
public sealed record BuckPassingFlagged(string CaseId, string JurisdictionCode, string FirstJurisdictionCode, string SecondJurisdictionCode,
    int Returns, DateTimeOffset FlaggedAt, string? Unit = null) : IIntegrationEvent;
