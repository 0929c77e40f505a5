namespace Ducha.Disclosure.Domain;

/// <summary>
/// Read model: a problem a programme aired (曝光) and whether its follow-up (回访) came in time. Its case is known once
/// exposure reports the follow-up overdue, or cases' facts of the case name the exposure.
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
    public bool FollowUpOverdue { get; private set; }
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
    }

    /// <summary>The follow-up was not complete by its deadline.</summary>
    public void FollowUpMissed(string? caseId, string followUpOffice, DateOnly deadline)
    {
        FollowUpOverdue = true;
        CaseId ??= caseId;
        FollowUpJurisdictionCode ??= followUpOffice;
        FollowUpDeadline ??= deadline;
    }
}
