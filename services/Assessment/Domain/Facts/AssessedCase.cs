using Ducha.Reference.Calendar;

namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// One case as the outcome indicators count it, kept from Cases' events: where it is, the year it came in (Beijing),
/// who has it to handle, and whether it was closed, ever late, verified and satisfied the reporter.
/// Events of different topics may come in any order, so whichever comes first opens the case with what it carries, the
/// intake fills in the rest, and a move of the holder or a closing older than the last one applied changes nothing.
/// </summary>
public sealed class AssessedCase
{
    public required string CaseId { get; init; }
    public required string PlaceJurisdictionCode { get; set; }
    /// <summary>The Beijing year it came in; until the intake is seen, the year of the first event about it.</summary>
    public int Year { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Whether the intake (cases.case-received) was seen: it fixes place, year and originating office.</summary>
    public bool Received { get; set; }
    /// <summary>The office that received it: it verifies last, closes, and takes the case back when a repeat complaint reopens it.</summary>
    public string? OriginJurisdictionCode { get; set; }
    /// <summary>
    /// The party that has the case to handle: the office or unit it was last assigned, delivered or sent back to, or the
    /// office it was returned to. A report going up for verification does not move it, so the party charged with what
    /// goes wrong is the one whose handling it was.
    /// </summary>
    public required string HolderJurisdictionCode { get; set; }
    public string? HolderUnit { get; set; }
    /// <summary>When the event that last moved the holder happened; null until one did.</summary>
    public DateTimeOffset? HolderSince { get; set; }
    public bool Closed { get; set; }
    /// <summary>When the event that last closed or reopened it happened; null until one did.</summary>
    public DateTimeOffset? ClosedChangedAt { get; set; }
    public bool EverOverdue { get; set; }
    public bool Reported { get; set; }
    /// <summary>The originating office accepted the report (final verification).</summary>
    public bool RectificationVerified { get; set; }
    /// <summary>At its last closing the reporter was satisfied (满意).</summary>
    public bool Satisfied { get; set; }

    /// <summary>A case first heard of at <paramref name="at"/> from an event that names only its place.</summary>
    public static AssessedCase Open(string caseId, string placeJurisdictionCode, DateTimeOffset at) => new()
    {
        CaseId = caseId, PlaceJurisdictionCode = placeJurisdictionCode, Year = BeijingTime.DateOf(at).Year, ReceivedAt = at,
        HolderJurisdictionCode = placeJurisdictionCode,
    };

    /// <summary>
    /// 接: the intake fixes place, year and originating office, which holds the case until it is passed on. Moves, like
    /// closings, are ordered by <paramref name="at"/>: when the publisher recorded the event.
    /// </summary>
    public void Receive(string placeJurisdictionCode, DateTimeOffset receivedAt, string originJurisdictionCode, DateTimeOffset at)
    {
        PlaceJurisdictionCode = placeJurisdictionCode;
        ReceivedAt = receivedAt;
        Year = BeijingTime.DateOf(receivedAt).Year;
        Received = true;
        OriginJurisdictionCode = originJurisdictionCode;
        MoveTo(originJurisdictionCode, null, at);
    }

    /// <summary>The party the case was assigned, delivered, sent back or returned to, by an event recorded at <paramref name="at"/>.</summary>
    public void MoveTo(string jurisdictionCode, string? unit, DateTimeOffset at)
    {
        if (at < HolderSince) return;
        HolderJurisdictionCode = jurisdictionCode;
        HolderUnit = unit;
        HolderSince = at;
    }

    public void Report() => Reported = true;

    public void Verify() => RectificationVerified = true;

    public void MarkOverdue() => EverOverdue = true;

    /// <summary>销号, with whether the reporter was satisfied at the callback.</summary>
    public void Close(bool satisfied, DateTimeOffset at)
    {
        if (at < ClosedChangedAt) return;
        Closed = true;
        Satisfied = satisfied;
        ClosedChangedAt = at;
    }

    /// <summary>
    /// A repeated complaint reopened the closed case: a new round starts at the originating office, and what was verified
    /// and closed no longer holds. Returns the party that had handled it, which the reopening is charged to.
    /// </summary>
    public (string JurisdictionCode, string? Unit) Reopen(DateTimeOffset at)
    {
        var handledBy = (HolderJurisdictionCode, HolderUnit);
        if (at < ClosedChangedAt) return handledBy;
        Closed = false;
        Satisfied = false;
        RectificationVerified = false;
        ClosedChangedAt = at;
        MoveTo(OriginJurisdictionCode ?? PlaceJurisdictionCode, null, at);
        return handledBy;
    }
}
