namespace Ducha.Cases.Domain;

/// <summary>One hop of 转: from an office to the one below, with the deadline it carried and, if sent back, why.</summary>
public sealed class CaseAssignment
{
    public required string CaseId { get; init; }
    public int Hop { get; init; }
    public required string FromJurisdictionCode { get; init; }
    public required string ToJurisdictionCode { get; init; }
    public int WorkingDays { get; init; }
    public DateTimeOffset DeliveredAt { get; init; }
    public DateOnly Deadline { get; init; }
    /// <summary>The assigning office's own deadline, restored if the case comes back.</summary>
    public DateOnly? PreviousDeadline { get; init; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? ReturnReason { get; private set; }

    public bool IsReturned => ReturnedAt is not null;

    public void Return(string reason, DateTimeOffset at)
    {
        ReturnedAt = at;
        ReturnReason = reason;
    }

    /// <summary>Whether this hop joined the same two offices as <paramref name="other"/>, in either direction.</summary>
    public bool Joins(CaseAssignment other) =>
        (FromJurisdictionCode == other.FromJurisdictionCode && ToJurisdictionCode == other.ToJurisdictionCode)
        || (FromJurisdictionCode == other.ToJurisdictionCode && ToJurisdictionCode == other.FromJurisdictionCode);
}
