using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>
/// Who owes the follow-up (回访) of an aired problem and by when: the office one level below the airing office that
/// contains the place — the city for a province airing, the county for a city airing — or, for a county's own airing, the
/// unit it named; due five working days after the airing on the official calendar, whenever the case reaches them.
/// </summary>
public sealed record FollowUpDuty(string JurisdictionCode, string? Unit, DateOnly Deadline)
{
    public const int WorkingDays = 5;

    public static FollowUpDuty Of(ExposureProblem problem, DateOnly airDate, JurisdictionTree tree, WorkingCalendar calendar)
    {
        var owner = problem.ResponsibleUnit is not null ? problem.JurisdictionCode : OfficeBelow(problem.JurisdictionCode, problem.PlaceJurisdictionCode, tree);
        try
        {
            return new FollowUpDuty(owner, problem.ResponsibleUnit, calendar.AddWorkingDays(airDate, WorkingDays));
        }
        catch (CalendarRangeException ex)
        {
            throw new DomainRuleException($"The follow-up deadline cannot be counted: {ex.Message}", "aired_at");
        }
    }

    /// <summary>The office directly below <paramref name="airing"/> on the way to <paramref name="place"/>.</summary>
    public static string OfficeBelow(string airing, string place, JurisdictionTree tree) =>
        tree.Find(place) is { } node && node.Code != airing
            ? (node.ParentCode == airing ? node.Code : tree.Ancestors(place).FirstOrDefault(a => a.ParentCode == airing)?.Code)
              ?? throw new DomainRuleException($"The place {place} does not lie below {airing}.", "place_jurisdiction_code")
            : throw new DomainRuleException($"The place must lie below the airing jurisdiction {airing}: the office below owes the follow-up.",
                "place_jurisdiction_code");

    /// <summary>Whether <paramref name="actor"/> is the office that owes it (a county answers for the unit it named).</summary>
    public bool IsOwedBy(Actor actor) => actor.Is(Role.Office) && actor.JurisdictionCode == JurisdictionCode;
}
