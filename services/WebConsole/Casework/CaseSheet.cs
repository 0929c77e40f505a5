using Ducha.Contracts.Cases.V1;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// Everything the case page shows: the facts, what 督 and 问责 added to the file, the timeline with its check, and the
/// steps this person may take.
/// </summary>
public sealed record CaseSheet(Case Case, CaseFacts Facts, IReadOnlyList<TimelineEntry> Timeline, HistoryCheck Check, CaseActions Actions, AssignChoices? Assign,
    CaseRecords Records);

/// <summary>The case's facts as a clerk reads them: places named, times in Beijing time, the deadline in working days.</summary>
public sealed record CaseFacts(
    string Subject,
    string Place,
    string? Polluter,
    string PollutionType,
    string Description,
    string Channel,
    DateTimeOffset ReceivedAt,
    string Status,
    string Origin,
    string Holder,
    DateOnly? Deadline,
    string DeadlineText,
    bool DeadlineProvisional,
    bool Overdue,
    int RepeatCount,
    string? RepeatOf,
    bool BuckPassing,
    string? ListedLeader,
    string? OwnerLeader,
    bool CentralInspection,
    DateOnly? OriginalDeadline,
    DateTimeOffset? ClosedAt,
    string? Callback,
    Reporter? Reporter);

/// <summary>One link of the history chain: who, in which role and level, when, why, and the status before and after.</summary>
public sealed record TimelineEntry(int Sequence, string Action, string Who, string Role, string Where, DateTimeOffset At, string Why, string Before, string After);

/// <summary>The history chain recomputed by the service: intact, or the first link that no longer matches.</summary>
public sealed record HistoryCheck(bool Intact, int Links, int FirstBroken, string Reason);

/// <summary>Where the holding office may assign the case, and the working days the no-squeeze rule allows now.</summary>
/// <param name="Office">The office directly below toward the place; null when the place is the holder's own.</param>
/// <param name="Minimum">The fewest working days that may go down; null when the holder has no deadline to squeeze.</param>
/// <param name="Maximum">A legacy case's most, ending by its original deadline.</param>
public sealed record AssignChoices(AssignTarget? Office, IReadOnlyList<string> Units, int? Minimum, int? Maximum, DateOnly? HolderDeadline, int Margin, DateTimeOffset? DeliveredAt);

/// <summary>An office to assign to: its code and full name.</summary>
public sealed record AssignTarget(string Code, string Name);
