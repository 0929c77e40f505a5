using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>销号: the originating office closed the case; an override reason is present when the reporter was dissatisfied.</summary>
[IntegrationEvent("cases.case-closed", "ducha.cases.case-closed.v1")]
public sealed record CaseClosed(string CaseId, string JurisdictionCode, string ByJurisdictionCode, string CallbackResult, bool Overridden,
    int RepeatCount, DateTimeOffset ClosedAt) : IIntegrationEvent;

/// <summary>A repeated complaint (群众反复投诉) reopened a closed case: a problem the public keeps reporting was not
/// truly solved, so its case goes back on the list.</summary>
[IntegrationEvent("cases.case-reopened", "ducha.cases.case-reopened.v1")]
public sealed record CaseReopened(string CaseId, string JurisdictionCode, string RepeatCaseId, int RepeatCount, int Round,
    DateTimeOffset ReopenedAt) : IIntegrationEvent;
