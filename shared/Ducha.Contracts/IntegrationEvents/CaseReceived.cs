using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// 接: a complaint was registered. Carries no reporter identity: the reporter is known only to the handling chain,
/// and events reach subscribers outside it.
/// A repeated complaint names the earlier case it repeats. <c>ReceivedByJurisdictionCode</c> is the office that registered
/// it (the place's own office or one above it); added later, so events from before it lack it.
/// </summary>
[IntegrationEvent("cases.case-received", "ducha.cases.case-received.v1")]
public sealed record CaseReceived(
    string CaseId,
    string JurisdictionCode,
    string Channel,
    string PollutionType,
    bool CentralInspection,
    DateTimeOffset ReceivedAt,
    string? RepeatOfCaseId = null,
    string? ReceivedByJurisdictionCode = null) : IIntegrationEvent;
