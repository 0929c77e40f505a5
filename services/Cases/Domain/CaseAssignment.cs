namespace Ducha.Cases.Domain;

/// <summary>One hop of 转: from an office to the office or unit below, with the deadline it carried and, if sent back, why.</summary>
public sealed class CaseAssignment
{
    public required string CaseId { get; init; }
    public int Hop { get; init; }
    /// <summary>The case's round when the hop was made; a reopened case starts a new chain of hops.</summary>
    public int Round { get; init; } = 1;
    public required string FromJurisdictionCode { get; init; }
    public required string ToJurisdictionCode { get; init; }
    public string? ToUnit { get; init; }
    public int WorkingDays { get; init; }
    public DateTimeOffset DeliveredAt { get; init; }
    public DateOnly Deadline { get; private set; }
    /// <summary>
    /// Set when the deadline was counted past the last official holiday notice (Monday to Friday): the calendar's last
    /// day at the time, so the deadline is counted again once a later notice is loaded.
    /// </summary>
    public DateOnly? DeadlineProvisionalAfter { get; private set; }
    /// <summary>The assigning office's own deadline, restored when the case comes back up.</summary>
    public DateOnly? PreviousDeadline { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    /// <summary>Whether the delivered event went out (at once by day; at 08:00 for a hop made in quiet hours).</summary>
    public bool DeliveryAnnounced { get; private set; }

    public bool IsReturned => ReturnedAt is not null;
    public CaseParty From => new(FromJurisdictionCode);
    public CaseParty To => new(ToJurisdictionCode, ToUnit);

    /// <summary>The hop a holding office makes down, under the plan the rules worked out.</summary>
    public static CaseAssignment Down(Case @case, int hop, AssignmentPlan plan, int workingDays) => new()
    {
        CaseId = @case.Id, Hop = hop, Round = @case.Round, FromJurisdictionCode = @case.HolderJurisdictionCode,
        ToJurisdictionCode = plan.To.JurisdictionCode, ToUnit = plan.To.Unit, WorkingDays = workingDays, DeliveredAt = plan.DeliveredAt,
        Deadline = plan.Deadline, DeadlineProvisionalAfter = plan.ProvisionalAfter, PreviousDeadline = @case.Deadline,
    };

    public void Return(string reason, DateTimeOffset at)
    {
        ReturnedAt = at;
        ReturnReason = reason;
    }

    public void AnnounceDelivery() => DeliveryAnnounced = true;

    /// <summary>The hop's deadline counted again on a later calendar; the deadline it restores on return moves with the one it came from.</summary>
    public void Reschedule(DateOnly deadline, DateOnly? provisionalAfter, IReadOnlyDictionary<DateOnly, DateOnly> moved)
    {
        Deadline = deadline;
        DeadlineProvisionalAfter = provisionalAfter;
        Restore(moved);
    }

    /// <summary>Follows a recount of the hop that brought the case to the assigning office.</summary>
    public void Restore(IReadOnlyDictionary<DateOnly, DateOnly> moved)
    {
        if (PreviousDeadline is { } previous && moved.TryGetValue(previous, out var now)) PreviousDeadline = now;
    }

    /// <summary>Whether this hop joined the same two parties as <paramref name="other"/>, in either direction.</summary>
    public bool Joins(CaseAssignment other) =>
        (From == other.From && To == other.To) || (From == other.To && To == other.From);
}

/// <summary>The live chain of a case: the hops of its current round that were not sent back, newest last.</summary>
public sealed class AssignmentChain(IReadOnlyList<CaseAssignment> hops, int round)
{
    public IReadOnlyList<CaseAssignment> All => hops;
    private IEnumerable<CaseAssignment> Live => hops.Where(h => h.Round == round && !h.IsReturned);

    /// <summary>The hop that brought the case to <paramref name="party"/>: who assigned it, and with which deadlines.</summary>
    public CaseAssignment? Into(CaseParty party) => Live.LastOrDefault(h => h.To == party);

    /// <summary>The latest hop <paramref name="office"/> made down the chain: where a sent-back report goes.</summary>
    public CaseAssignment? OutOf(CaseParty office) => Live.LastOrDefault(h => h.From == office);

    public int NextHop => hops.Count == 0 ? 1 : hops.Max(h => h.Hop) + 1;
}
