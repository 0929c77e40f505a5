namespace Ducha.Disclosure.Domain;

/// <summary>How an aired problem's follow-up stands, as exposure's events tell it; values match ducha.exposure.v1.FollowUpState.</summary>
public enum FollowUpState { Pending = 1, OnTime = 2, Late = 3, Overdue = 4 }

/// <summary>The two parts of a follow-up (回访): the return visit and the follow-up broadcast on the owing office's TV.</summary>
public enum FollowUpPart { ReturnVisit = 1, Broadcast = 2 }

/// <summary>
/// Read model: a problem a programme aired (曝光) and how its follow-up (回访) went — the return visit, the follow-up
/// broadcast, and whether they came in time. Its case is known once exposure names it in a follow-up event, or cases'
/// facts of the case name the exposure. Every change only adds what was unknown, and the state is worked out from what
/// is known rather than taken from the latest event, so events applied in any order, or twice, leave the same row.
/// </summary>
public sealed class DisclosedExposure
{
    public required string ExposureId { get; init; }
    /// <summary>The airing office.</summary>
    public string? JurisdictionCode { get; private set; }
    public string? PlaceJurisdictionCode { get; private set; }
    public string? Polluter { get; private set; }
    public string? PollutionType { get; private set; }
    public DateTimeOffset? AiredAt { get; private set; }
    public string? FollowUpJurisdictionCode { get; private set; }
    public DateOnly? FollowUpDeadline { get; private set; }
    /// <summary>The follow-up missed its deadline: announced overdue, or a part recorded after it. Stays once set, like a case's WasOverdue.</summary>
    public bool FollowUpOverdue { get; private set; }
    public DateOnly? ReturnVisitDate { get; private set; }
    /// <summary>Where the return visit found rectification, as exposure names it (Rectified, Rectifying, NotRectified).</summary>
    public string? ReturnVisitRectification { get; private set; }
    public DateOnly? BroadcastDate { get; private set; }
    public FollowUpState FollowUpState { get; private set; } = FollowUpState.Pending;
    public string? CaseId { get; private set; }

    public void Expose(string airingOffice, string place, string polluter, string pollutionType, DateTimeOffset airedAt, string followUpOffice, DateOnly deadline)
    {
        JurisdictionCode = airingOffice;
        PlaceJurisdictionCode = place;
        Polluter = polluter;
        PollutionType = pollutionType;
        AiredAt = airedAt;
        FollowUpJurisdictionCode = followUpOffice;
        FollowUpDeadline = deadline;
        Settle();
    }

    /// <summary>The follow-up was not complete by its deadline.</summary>
    public void FollowUpMissed(string? caseId, string followUpOffice, DateOnly deadline)
    {
        FollowUpOverdue = true;
        Owed(caseId, followUpOffice, deadline);
        Settle();
    }

    /// <summary>
    /// The owing office recorded one part of the follow-up. Exposure records each part once, so the first date known
    /// stands; <paramref name="late"/> (this part after the deadline) or <paramref name="overdueNow"/> (exposure found the
    /// follow-up incomplete past its deadline) mean the deadline was missed.
    /// </summary>
    public void FollowUpRecorded(FollowUpPart part, DateOnly date, string? rectification, bool late, bool overdueNow, string? caseId, string followUpOffice,
        DateOnly deadline)
    {
        if (part == FollowUpPart.ReturnVisit && ReturnVisitDate is null)
            (ReturnVisitDate, ReturnVisitRectification) = (date, rectification);
        else if (part == FollowUpPart.Broadcast)
            BroadcastDate ??= date;
        FollowUpOverdue |= late || overdueNow;
        Owed(caseId, followUpOffice, deadline);
        Settle();
    }

    private void Owed(string? caseId, string followUpOffice, DateOnly deadline)
    {
        CaseId ??= caseId;
        FollowUpJurisdictionCode ??= followUpOffice;
        FollowUpDeadline ??= deadline;
    }

    /// <summary>
    /// Exposure's rule, from what is known: complete, it is on time or late by the two dates alone — a follow-up announced
    /// overdue and completed afterwards reads late, not overdue for ever (on time, as in exposure, should both dates fall
    /// by the deadline); incomplete, it is overdue once the deadline was missed, else pending.
    /// </summary>
    private void Settle() => FollowUpState = (ReturnVisitDate, BroadcastDate, FollowUpDeadline) switch
    {
        ({ } visit, { } broadcast, { } due) => visit <= due && broadcast <= due ? FollowUpState.OnTime : FollowUpState.Late,
        _ when FollowUpOverdue => FollowUpState.Overdue,
        _ => FollowUpState.Pending,
    };
}
