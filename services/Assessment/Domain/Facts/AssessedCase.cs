namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// One case as the outcome indicators count it, kept from Cases' events: where it is, the year it came in (Beijing),
/// who holds it now, and whether it was closed, ever late, verified and satisfied the reporter.
/// </summary>
public sealed class AssessedCase
{
    public required string CaseId { get; init; }
    public required string PlaceJurisdictionCode { get; init; }
    public int Year { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string HolderJurisdictionCode { get; set; }
    public string? HolderUnit { get; set; }
    public bool Closed { get; set; }
    public bool EverOverdue { get; set; }
    public bool Reported { get; set; }
    /// <summary>The originating office accepted the report (final verification).</summary>
    public bool RectificationVerified { get; set; }
    /// <summary>At its last closing the reporter was satisfied (满意).</summary>
    public bool Satisfied { get; set; }
}
