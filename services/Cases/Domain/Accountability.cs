namespace Ducha.Cases.Domain;

/// <summary>Values match ducha.cases.v1.CadreRank: 厅级 / 处级 / 科级 / other.</summary>
public enum CadreRank { Bureau = 1, Division = 2, Section = 3, Other = 4 }

/// <summary>Values match ducha.cases.v1.Sanction.</summary>
public enum Sanction { Admonition = 1, Criticism = 2, Organizational = 3, PartyDiscipline = 4, Government = 5, JudicialReferral = 6, Other = 7 }

/// <summary>
/// 问责: one person held accountable on a case. 容错 (fault tolerance: a cadre who acted diligently but fell short for
/// objective or unforeseeable reasons is exempted) keeps the exemption and its reason beside the record instead of
/// deleting it, so the decision stays visible.
/// </summary>
public sealed class AccountabilityRecord : ICaseRecord
{
    public required string CaseId { get; init; }
    public int Number { get; init; }
    public required string PersonName { get; init; }
    public required string Position { get; init; }
    public CadreRank Rank { get; init; }
    public Sanction Sanction { get; init; }
    public bool FaultTolerated { get; init; }
    public string? FaultToleranceReason { get; init; }
    public required string RecordedByJurisdictionCode { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A problem clue (问题线索) handed to the supervisory organ (纪委监委) of the referring office's level.</summary>
public sealed class ClueReferral : ICaseRecord
{
    public required string CaseId { get; init; }
    public int Number { get; init; }
    public required string Summary { get; init; }
    public required string SupervisoryOrganJurisdictionCode { get; init; }
    public DateTimeOffset At { get; init; }
}
