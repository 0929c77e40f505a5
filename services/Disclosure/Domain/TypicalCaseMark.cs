namespace Ducha.Disclosure.Domain;

/// <summary>
/// An office's decision that a case is typical (典型案例): a bulletin gives the specifics of accountability only for these
/// (001 §二(二)). A decision, not something derived from events, so rebuilding the read models leaves it alone.
/// </summary>
public sealed class TypicalCaseMark
{
    public required string CaseId { get; init; }
    public bool Typical { get; private set; }
    public string MarkedBy { get; private set; } = string.Empty;
    public string MarkedByJurisdictionCode { get; private set; } = string.Empty;
    public DateTimeOffset MarkedAt { get; private set; }

    public void Set(bool typical, string by, string byJurisdictionCode, DateTimeOffset at)
    {
        Typical = typical;
        MarkedBy = by;
        MarkedByJurisdictionCode = byJurisdictionCode;
        MarkedAt = at;
    }
}
