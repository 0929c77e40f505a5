using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// One person's accountability outcome on a case, without the name: assessment counts ranks and sanctions. When 容错
/// exempts the person, <c>FaultToleranceReason</c> is why (the office's words about the case, never who); added later,
/// so outcomes from before it lack it.
/// </summary>
public sealed record AccountabilityOutcome(string Rank, string Sanction, bool FaultTolerated, string? FaultToleranceReason = null);

/// <summary>问责: outcomes were recorded on a case.</summary>
[IntegrationEvent("cases.accountability-recorded", "ducha.cases.accountability-recorded.v1")]
public sealed record AccountabilityRecorded(string CaseId, string JurisdictionCode, string ByJurisdictionCode,
    IReadOnlyList<AccountabilityOutcome> Outcomes, DateTimeOffset RecordedAt) : IIntegrationEvent;

/// <summary>A problem clue went to the supervisory organ (纪委监委) of the referring office's level.</summary>
[IntegrationEvent("cases.clue-referred", "ducha.cases.clue-referred.v1")]
public sealed record ClueReferred(string CaseId, string JurisdictionCode, string SupervisoryOrganJurisdictionCode, string Summary,
    DateTimeOffset ReferredAt) : IIntegrationEvent;
