namespace Ducha.Disclosure.Domain;

/// <summary>
/// What an entry announcement tells the public (001 §二(一)1): which team, from when to when, the report phone and the
/// hours it is answered, the postal box, and where the announcement is shown. Each part arrives checked (see
/// <see cref="ReportPhone"/>, <see cref="PhoneHours"/>, <see cref="PostalBox"/>); the stay is checked here.
/// </summary>
public sealed record AnnouncementContent
{
    /// <summary>The longest stay an announcement may give: a year, so that a mistyped year is not published as a decade.</summary>
    public const int MaxStayDays = 366;

    public required string Team { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public required string ReportPhone { get; init; }
    public PhoneHours PhoneHours { get; init; }
    public required string PostalBox { get; init; }
    public required IReadOnlyList<AnnouncementVenue> Venues { get; init; }

    /// <summary>The stay's problem, named by field, or null: it ends on or after its first day, and within a year.</summary>
    public FieldViolation? StayProblem() =>
        EndDate < StartDate ? new FieldViolation("end_date", $"must not be before start_date ({StartDate:yyyy-MM-dd})")
        : EndDate.DayNumber - StartDate.DayNumber > MaxStayDays ? new FieldViolation("end_date", $"must be at most {MaxStayDays} days after start_date")
        : null;

    /// <summary>Whether the team is yet to arrive, in the county, or gone, on a Beijing date.</summary>
    public StayState StateOn(DateOnly today) => today < StartDate ? StayState.Upcoming : today > EndDate ? StayState.Ended : StayState.InResidence;

    /// <summary>The fields (named as the API names them) whose value differs from <paramref name="before"/>, in the order above.</summary>
    public IReadOnlyList<string> ChangedFieldsFrom(AnnouncementContent before)
    {
        var changed = new List<string>();
        if (!string.Equals(before.Team, Team, StringComparison.Ordinal)) changed.Add("team");
        if (before.StartDate != StartDate) changed.Add("start_date");
        if (before.EndDate != EndDate) changed.Add("end_date");
        if (!string.Equals(before.ReportPhone, ReportPhone, StringComparison.Ordinal)) changed.Add("report_phone");
        if (before.PhoneHours != PhoneHours) changed.Add("phone_hours");
        if (!string.Equals(before.PostalBox, PostalBox, StringComparison.Ordinal)) changed.Add("postal_box");
        if (!before.Venues.SequenceEqual(Venues)) changed.Add("venues");
        return changed;
    }
}

/// <summary>What a correction gives: each part replaces the current one, a null part keeps it.</summary>
public sealed record AnnouncementAmendment(string? Team = null, DateOnly? StartDate = null, DateOnly? EndDate = null, string? ReportPhone = null,
    PhoneHours? PhoneHours = null, string? PostalBox = null, IReadOnlyList<AnnouncementVenue>? Venues = null)
{
    public AnnouncementContent ApplyTo(AnnouncementContent current) => current with
    {
        Team = Team ?? current.Team,
        StartDate = StartDate ?? current.StartDate,
        EndDate = EndDate ?? current.EndDate,
        ReportPhone = ReportPhone ?? current.ReportPhone,
        PhoneHours = PhoneHours ?? current.PhoneHours,
        PostalBox = PostalBox ?? current.PostalBox,
        Venues = Venues ?? current.Venues,
    };
}

/// <summary>Where an inspection team's stay stands on a given day.</summary>
public enum StayState
{
    /// <summary>即将进驻.</summary>
    Upcoming = 1,
    /// <summary>进驻中: the phone and postal box are taking reports.</summary>
    InResidence = 2,
    /// <summary>已结束.</summary>
    Ended = 3,
}
