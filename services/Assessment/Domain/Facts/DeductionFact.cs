using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Calendar;

namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// Something that went wrong, as Cases or Exposure reported it: a deduction before any scheme puts points on it. Its
/// <see cref="Key"/> makes one lateness one deduction (a case overdue and its exposure follow-up overdue share
/// "lateness:{caseId}") and a replayed event a no-op. The year is the Beijing year it happened in.
/// </summary>
public sealed class DeductionFact
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public DeductionKind Kind { get; init; }
    public int Year { get; init; }
    public string? CaseId { get; init; }
    public string? ExposureId { get; set; }
    /// <summary>The jurisdiction of the case's place (or of the aired problem).</summary>
    public required string PlaceJurisdictionCode { get; init; }
    /// <summary>The party that held the case when it went wrong (the owing office for a follow-up).</summary>
    public required string HolderJurisdictionCode { get; init; }
    public string? HolderUnit { get; init; }
    /// <summary>For buck-passing: the party that returned the case.</summary>
    public string? ReturnerJurisdictionCode { get; init; }
    public string? ReturnerUnit { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>What happened, in Chinese, for the sheet (逾期未办结（期限2024年9月30日）…).</summary>
    public required string Cause { get; init; }
    /// <summary>容错: the accountability this deduction stands for was exempted, with the reason Cases recorded.</summary>
    public bool Exempted { get; init; }
    public string? ExemptionReason { get; init; }
    public List<DeductionEventRef> Events { get; init; } = [];

    /// <summary>The year a deduction that happened at <paramref name="at"/> counts in: its Beijing calendar year.</summary>
    public static int YearOf(DateTimeOffset at) => BeijingTime.DateOf(at).Year;

    /// <summary>
    /// Adds an event behind the deduction; false when it is there already — the same event applied again, or the same
    /// fact (its type, at the same moment) published again under a new id.
    /// </summary>
    public bool Attach(string eventId, string type, DateTimeOffset at)
    {
        if (Events.Any(e => e.EventId == eventId || (e.Type == type && e.At == at))) return false;
        Events.Add(new DeductionEventRef { EventId = eventId, Type = type, At = at });
        return true;
    }

    /// <summary>The party a rule charging <paramref name="party"/> charges.</summary>
    public (string JurisdictionCode, string? Unit) ChargedTo(ChargedParty party) => party switch
    {
        ChargedParty.Returner when ReturnerJurisdictionCode is not null => (ReturnerJurisdictionCode, ReturnerUnit),
        ChargedParty.Place => (PlaceJurisdictionCode, null),
        _ => (HolderJurisdictionCode, HolderUnit),
    };
}

/// <summary>An event behind a deduction: its id, its type (cases.case-overdue …) and when it happened.</summary>
public sealed class DeductionEventRef
{
    public long Id { get; init; }
    public long DeductionFactId { get; init; }
    public required string EventId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset At { get; init; }
}
