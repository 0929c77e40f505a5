namespace Ducha.Disclosure.Domain;

/// <summary>
/// One version of an entry announcement, kept as it was published or corrected: what the public was shown from
/// <see cref="RecordedAt"/> until the next version, and, for a correction, why it was corrected.
/// </summary>
public sealed class AnnouncementVersion
{
    public required string AnnouncementId { get; init; }
    /// <summary>1 as published, then 2, 3, … per correction.</summary>
    public int Number { get; init; }
    public required string Team { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public required string ReportPhone { get; init; }
    public PhoneHours PhoneHours { get; init; }
    public required string PostalBox { get; init; }
    public List<AnnouncementVenue> Venues { get; init; } = [];
    /// <summary>Why the version before was corrected; null for the first.</summary>
    public string? Reason { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>The office that published or corrected it (its jurisdiction code).</summary>
    public required string RecordedBy { get; init; }
    /// <summary>Who at that office, for the record; never shown to the public.</summary>
    public required string RecordedBySubject { get; init; }

    public AnnouncementContent Content => new()
    {
        Team = Team,
        StartDate = StartDate,
        EndDate = EndDate,
        ReportPhone = ReportPhone,
        PhoneHours = PhoneHours,
        PostalBox = PostalBox,
        Venues = Venues,
    };

    internal static AnnouncementVersion Of(string announcementId, int number, AnnouncementContent content, string? reason, Actor actor,
        DateTimeOffset now) => new()
    {
        AnnouncementId = announcementId,
        Number = number,
        Team = content.Team,
        StartDate = content.StartDate,
        EndDate = content.EndDate,
        ReportPhone = content.ReportPhone,
        PhoneHours = content.PhoneHours,
        PostalBox = content.PostalBox,
        Venues = [.. content.Venues],
        Reason = reason,
        RecordedAt = now,
        RecordedBy = actor.JurisdictionCode,
        RecordedBySubject = actor.Subject,
    };
}
