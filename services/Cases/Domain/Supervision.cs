namespace Ducha.Cases.Domain;

/// <summary>Values match ducha.cases.v1.SupervisionKind.</summary>
public enum SupervisionKind { Reminder = 1, Notice = 2, Listed = 3, Ownership = 4, SpecialTeam = 5 }

/// <summary>
/// 督: an office above the holder chasing a case — a reminder (催办), a supervision notice (督办), listed supervision
/// (挂牌督办) or case ownership (包案) by a named leader, or a special team with open and undercover visits (明察暗访)
/// where petitions concentrate — the means Sichuan's 《关于持续做好环境保护督察有关工作的通知》 keeps in use after an
/// inspection leaves. Automatic reminders before a deadline are kept too.
/// </summary>
public sealed class CaseSupervision : ICaseRecord
{
    public required string CaseId { get; init; }
    public int Number { get; init; }
    public SupervisionKind Kind { get; init; }
    public string? Leader { get; init; }
    public string? Note { get; init; }
    /// <summary>The supervising office; null for the automatic reminders.</summary>
    public string? ByJurisdictionCode { get; init; }
    public bool Automatic => ByJurisdictionCode is null;
    public DateTimeOffset At { get; init; }
}
