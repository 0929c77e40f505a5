namespace Ducha.Cases.Domain;

/// <summary>
/// Cases' own copy of one secondment (抽调), kept from the secondment service's events so the rule it carries holds while
/// that service is down: while seconded, the person who signs in as <see cref="Subject"/> does no work for
/// <see cref="HomeUnit"/> of <see cref="HomeJurisdictionCode"/>. The events may arrive in any order and more than once;
/// each fills in what it knows and changes nothing the second time.
/// </summary>
public sealed class SecondedCadre
{
    public const int MaxSubjectLength = 200, MaxUnitLength = 200, MaxPostLength = 200, MaxIdLength = 64;

    public required string SecondmentId { get; init; }
    public string Subject { get; private set; } = "";
    public string HomeUnit { get; private set; } = "";
    /// <summary>The jurisdiction whose register holds <see cref="HomeUnit"/>; null until the secondment itself is known.</summary>
    public string? HomeJurisdictionCode { get; private set; }
    /// <summary>The level the cadre serves (the office or the inspection team's jurisdiction).</summary>
    public string SecondedToJurisdictionCode { get; private set; } = "";
    public string? PostName { get; private set; }
    /// <summary>The period, Beijing dates, inclusive; null while only the end of the secondment has arrived.</summary>
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    /// <summary>The last day served when the secondment ended, on its end date or early.</summary>
    public DateOnly? EndedDate { get; private set; }

    public static SecondedCadre New(string secondmentId) => new() { SecondmentId = secondmentId };

    /// <summary>The secondment as the secondment service started it; an end already recorded stays.</summary>
    public void Seconded(string subject, string homeJurisdictionCode, string homeUnit, string secondedToJurisdictionCode, string postName,
        DateOnly startDate, DateOnly endDate)
    {
        Subject = subject;
        HomeJurisdictionCode = homeJurisdictionCode;
        HomeUnit = homeUnit;
        SecondedToJurisdictionCode = secondedToJurisdictionCode;
        PostName = postName;
        StartDate = startDate;
        EndDate = endDate;
    }

    /// <summary>The secondment ended with <paramref name="endedDate"/> its last day; the cadre is back at the home unit the day after.</summary>
    public void Ended(string subject, string homeUnit, string secondedToJurisdictionCode, DateOnly endedDate)
    {
        // An end that arrives before its start still names whom it is about; the start fills in the rest.
        if (StartDate is null)
        {
            Subject = subject;
            HomeUnit = homeUnit;
            SecondedToJurisdictionCode = secondedToJurisdictionCode;
        }
        EndedDate = endedDate;
    }

    /// <summary>The last day of the secondment as known now: its end date, or the day it ended if that came first.</summary>
    public DateOnly? LastDay => EndDate is not { } end ? null : EndedDate is { } ended && ended < end ? ended : end;

    /// <summary>Whether the cadre is seconded on <paramref name="day"/> (Beijing date).</summary>
    public bool HoldsOn(DateOnly day) => StartDate is { } start && LastDay is { } last && start <= day && day <= last;
}
