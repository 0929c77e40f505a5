namespace Ducha.WebConsole.Casework;

/// <summary>
/// What 督 and 问责 have added to the case file, as the page shows it: supervisions, the measures the reports listed
/// with the stop orders' checks, accountability counted by rank and sanction, and the clues referred.
/// </summary>
public sealed record CaseRecords(
    IReadOnlyList<SupervisionLine> Supervisions,
    IReadOnlyList<MeasureLine> Measures,
    AccountabilityTally Accountability,
    IReadOnlyList<ClueLine> Clues)
{
    public static readonly CaseRecords Empty = new([], [], AccountabilityTally.Empty, []);

    public bool Any => Supervisions.Count > 0 || Measures.Count > 0 || Accountability.Lines.Count > 0 || Clues.Count > 0;

    /// <summary>The stop and shutdown orders still waiting for their on-site check, the earliest due first.</summary>
    public IReadOnlyList<MeasureLine> AwaitingCheck =>
        [.. Measures.Where(m => m.IsStop && m.CheckedAt is null).OrderBy(m => m.CheckBy ?? DateOnly.MaxValue).ThenBy(m => m.Number)];
}

/// <param name="LeaderTitle">What the named leader is to the case: 督办领导, 包案领导 or 督导组组长.</param>
/// <param name="By">The supervising office in full, or 系统 for the reminders the deadline watch sends.</param>
public sealed record SupervisionLine(int Number, string Kind, string? Leader, string LeaderTitle, string? Note, string By, bool Automatic, DateTimeOffset At);

/// <summary>One measure of a handling report; stops and shutdowns carry the date they must be checked on site by.</summary>
/// <param name="Late">A stop not yet checked whose date has passed (长停久治、久治不验).</param>
/// <param name="Alerted">The service raised its alert for the missed check.</param>
public sealed record MeasureLine(
    int Number,
    int ReportNumber,
    string Kind,
    string Scope,
    string Description,
    string? Investigation,
    bool IsStop,
    DateOnly? CheckBy,
    DateTimeOffset? CheckedAt,
    string? Finding,
    bool Late,
    bool Alerted);

/// <summary>
/// 问责 on the case: how many people at which rank with which sanction, 容错 exemptions counted apart. The people by name
/// only for the offices and the supervisory organ; everyone else reads the counts, as the public would.
/// </summary>
public sealed record AccountabilityTally(IReadOnlyList<TallyLine> Lines, int Held, int Exempted, IReadOnlyList<PersonLine>? People)
{
    public static readonly AccountabilityTally Empty = new([], 0, 0, null);
}

public sealed record TallyLine(string Rank, string Sanction, int Held, int Exempted);

public sealed record PersonLine(string Name, string Position, string Rank, string Sanction, bool Exempted, string? ExemptionReason, string By, DateTimeOffset At);

/// <param name="Summary">The clue's text; null for those who may not read it (they see that a clue went, and to whom).</param>
public sealed record ClueLine(int Number, string? Summary, string Organ, DateTimeOffset At);
