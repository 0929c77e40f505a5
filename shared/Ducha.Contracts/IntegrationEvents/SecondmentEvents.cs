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

/// <summary>
/// 单列: a grade was recorded for a seconded cadre's year; the event carries the cadre's whole line of the level's separate
/// list as it now stands (grades by the proto's Grade names: OUTSTANDING, COMPETENT, BASICALLY_COMPETENT, POOR; the
/// recommendation: PRAISE_AND_PROMOTE, NONE, CRITICIZE_OR_RETURN). Grades once recorded stand, so the line with more of
/// them in <c>Record</c> is the later one.
/// </summary>
[IntegrationEvent("secondment.cadre-evaluated", "ducha.secondment.cadre-evaluated.v1")]
public sealed record CadreEvaluated(string SecondmentId, string CadreId, string CadreName, string HomeJurisdictionCode, string HomeUnit,
    string JurisdictionCode, string PostName, int Year, string? OfficeGrade, string? HomeUnitGrade, string Overall, string Recommendation,
    IReadOnlyList<CadreGradeEntry> Record, DateTimeOffset At) : IIntegrationEvent;

/// <summary>One grade behind a line of the separate list: by OFFICE or HOME_UNIT, with its remarks.</summary>
public sealed record CadreGradeEntry(string Evaluator, string Grade, string Remarks, DateTimeOffset RecordedAt);

// ——— Supervision requests (监察申请) ———

/// <summary>
/// 监察申请: 综合巡查组 or 信访督办组 (<c>FromGroup</c>, the proto's GroupKind name) asked 督办监察组 of
/// <c>JurisdictionCode</c> to act on a case handled slowly, late or poorly (<c>Reason</c>: SLOW, OVERDUE, POOR) by
/// <c>Deadline</c> (Beijing, inclusive).
/// </summary>
[IntegrationEvent("secondment.supervision-requested", "ducha.secondment.supervision-requested.v1")]
public sealed record SupervisionRequested(string RequestId, string JurisdictionCode, string CaseId, string FromGroup, string Reason, DateOnly Deadline,
    DateTimeOffset At) : IIntegrationEvent;

// ——— 双随机一公开 draws ———

/// <summary>
/// A 双随机 draw was made: only its commitment SHA-256(seed + inputs hash), the round and the counts go out, so no target
/// is tipped off. <c>ReplacesDrawId</c> names the round's earlier draw when this one redraws it, with the reason.
/// </summary>
[IntegrationEvent("secondment.draw-made", "ducha.secondment.draw-made.v1")]
public sealed record DrawMade(string DrawId, string JurisdictionCode, string Round, int Targets, int Teams, int TeamSize, string Procedure,
    string Commitment, DateTimeOffset DrawnAt, string? ReplacesDrawId, string? RedrawReason) : IIntegrationEvent;

/// <summary>
/// A draw was revealed with its results: the seed and the inputs' hash that hash to the commitment, the canonical inputs,
/// and the pairs with findings. Inspectors appear by name and unit only.
/// </summary>
[IntegrationEvent("secondment.draw-revealed", "ducha.secondment.draw-revealed.v1")]
public sealed record DrawRevealed(string DrawId, string JurisdictionCode, string Round, string Seed, string InputsHash, string InputsJson,
    string Commitment, IReadOnlyList<RevealedDrawPair> Pairs, DateTimeOffset RevealedAt) : IIntegrationEvent;

public sealed record RevealedDrawPair(string TargetName, string TargetJurisdictionCode, string Risk, int Team, IReadOnlyList<RevealedInspector> Inspectors,
    string Findings);

public sealed record RevealedInspector(string Name, string Unit);
