using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>督: the holder's deadline is near (催办); sent once per deadline.</summary>
[IntegrationEvent("cases.deadline-reminder", "ducha.cases.deadline-reminder.v1")]
public sealed record DeadlineReminder(string CaseId, string JurisdictionCode, string HolderJurisdictionCode, string? HolderUnit, DateOnly Deadline,
    int WorkingDaysLeft, DateTimeOffset RemindedAt, bool DeadlineProvisional = false) : IIntegrationEvent;

/// <summary>督: the holder's deadline passed with the case still open; sent once per deadline.</summary>
[IntegrationEvent("cases.case-overdue", "ducha.cases.case-overdue.v1")]
public sealed record CaseOverdue(string CaseId, string JurisdictionCode, string HolderJurisdictionCode, string? HolderUnit, DateOnly Deadline,
    string Status, DateTimeOffset DetectedAt, bool DeadlineProvisional = false) : IIntegrationEvent;

/// <summary>督: a supervising office issued a notice, listed the case (挂牌督办) or gave it an owner (包案).</summary>
[IntegrationEvent("cases.case-supervised", "ducha.cases.case-supervised.v1")]
public sealed record CaseSupervised(string CaseId, string JurisdictionCode, string ByJurisdictionCode, string Kind, string? Leader,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// A deadline counted provisionally (Monday to Friday, past the last official holiday notice) was counted again on the
/// notice the operator loaded; <c>Provisional</c> says whether it still runs past the calendar.
/// </summary>
[IntegrationEvent("cases.deadline-recomputed", "ducha.cases.deadline-recomputed.v1")]
public sealed record DeadlineRecomputed(string CaseId, string JurisdictionCode, string HolderJurisdictionCode, string? HolderUnit, DateOnly? PreviousDeadline,
    DateOnly? Deadline, bool Provisional, DateTimeOffset At) : IIntegrationEvent;

/// <summary>长停久治、久治不验: a stop or shutdown order was not checked by its verification date.</summary>
[IntegrationEvent("cases.stop-verification-overdue", "ducha.cases.stop-verification-overdue.v1")]
public sealed record StopVerificationOverdue(string CaseId, string JurisdictionCode, int MeasureNumber, string Kind, DateOnly VerificationDate,
    DateTimeOffset DetectedAt) : IIntegrationEvent;
