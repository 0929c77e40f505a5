using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// 抽调: a cadre was seconded to an office or an inspection team for a period. <c>Subject</c> is the identity the person
/// signs in with: while the secondment runs (StartDate..EndDate, Beijing, inclusive) Cases refuses that person as a
/// handler of <c>HomeUnit</c> — a seconded cadre does no work for the original unit.
/// </summary>
[IntegrationEvent("secondment.cadre-seconded", "ducha.secondment.cadre-seconded.v1")]
public sealed record CadreSeconded(string SecondmentId, string CadreId, string Subject, string HomeJurisdictionCode, string HomeUnit,
    string JurisdictionCode, string PostName, DateOnly StartDate, DateOnly EndDate, DateTimeOffset At) : IIntegrationEvent;

/// <summary>The secondment ended (on its end date or early, with the reason): the cadre is back at the home unit from the day after.</summary>
[IntegrationEvent("secondment.secondment-ended", "ducha.secondment.secondment-ended.v1")]
public sealed record SecondmentEnded(string SecondmentId, string CadreId, string Subject, string JurisdictionCode, string HomeUnit, DateOnly EndedDate, string Reason,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>轮岗: a secondment's term ends soon; the office names a successor (once per secondment).</summary>
[IntegrationEvent("secondment.rotation-due", "ducha.secondment.rotation-due.v1")]
public sealed record RotationDue(string SecondmentId, string CadreId, string JurisdictionCode, string PostName, DateOnly EndDate,
    string? SuccessorCadreId, DateTimeOffset At) : IIntegrationEvent;

// ——— Supervision requests (监察申请) ———

/// <summary>
/// 监察申请: 综合巡查组 or 信访督办组 (<c>FromGroup</c>, the proto's GroupKind name) asked 督办监察组 of
/// <c>JurisdictionCode</c> to act on a case handled slowly, late or poorly (<c>Reason</c>: SLOW, OVERDUE, POOR) by
/// <c>Deadline</c> (Beijing, inclusive).
/// </summary>
[IntegrationEvent("secondment.supervision-requested", "ducha.secondment.supervision-requested.v1")]
public sealed record SupervisionRequested(string RequestId, string JurisdictionCode, string CaseId, string FromGroup, string Reason, DateOnly Deadline,
    DateTimeOffset At) : IIntegrationEvent;
