using Ducha.BuildingBlocks;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Assessment;

/// <summary>The years the 考核 pages offer, and who may open them.</summary>
public static class AssessmentYears
{
    /// <summary>The years a scheme may be made for, as the service bounds them.</summary>
    public const int First = 2017, Last = 2100;

    /// <summary>The year asked for, within the years a scheme may be made for; this Beijing year otherwise.</summary>
    public static int Asked(int? asked, TimeProvider time) => asked is >= First and <= Last ? asked.Value : AssessmentWords.ThisYear(time);

    /// <summary>The picker's years: from a few years back to next year, and the year shown even when outside them.</summary>
    public static IEnumerable<int> Around(int thisYear, int shown) =>
        Enumerable.Range(Math.Max(First, thisYear - 4), Math.Min(thisYear + 1, Last) - Math.Max(First, thisYear - 4) + 1).Append(shown).Distinct().OrderDescending();

    /// <summary>Offices and assessors write and read assessments; a lead department reads its own sheet. The service decides the rest.</summary>
    public static bool MaySee(SignedInPerson person) => person.Role is Role.Office or Role.Assessor or Role.LeadDepartment;
}
