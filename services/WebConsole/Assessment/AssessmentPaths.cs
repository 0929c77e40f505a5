using System.Globalization;
using Ducha.Contracts.Assessment.V1;

namespace Ducha.WebConsole.Assessment;

/// <summary>Where the console shows assessment, and where the public reads the frozen results.</summary>
public static class AssessmentPaths
{
    public const string Desk = "/assessment";

    public static string DeskFor(int year) => Desk + "?year=" + Year(year);

    public static string Scheme(string id) => "/assessment/schemes/" + Uri.EscapeDataString(id);

    public static string Indicators(string jurisdictionCode, int year) =>
        "/assessment/indicators?jurisdiction=" + Uri.EscapeDataString(jurisdictionCode) + "&year=" + Year(year);

    /// <summary>A party's score sheet: a jurisdiction's, or with <paramref name="department"/> that department's.</summary>
    public static string Sheet(string jurisdictionCode, int year, string? department = null) =>
        $"/assessment/sheets/{Uri.EscapeDataString(jurisdictionCode)}/{Year(year)}"
        + (string.IsNullOrEmpty(department) ? "" : "?department=" + Uri.EscapeDataString(department));

    /// <summary>The ranking the person's own level makes (or, with <paramref name="jurisdictionCode"/>, a level below).</summary>
    public static string Rankings(int year, Audience audience = Audience.Subordinates, string? jurisdictionCode = null)
    {
        var query = new List<string>();
        if (audience == Audience.Departments) query.Add("audience=departments");
        if (!string.IsNullOrEmpty(jurisdictionCode)) query.Add("jurisdiction=" + Uri.EscapeDataString(jurisdictionCode));
        return $"/assessment/rankings/{Year(year)}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>
    /// The public page of frozen results, served by the disclosure service: at the address the public reaches it
    /// (<c>Disclosure:PublicSite:BaseUrl</c>) or, unset, on this host, as the standalone host serves both.
    /// </summary>
    public static string Public(string? baseUrl, string jurisdictionCode, int year) =>
        (baseUrl ?? "").TrimEnd('/') + $"/public/assessment-results/{Uri.EscapeDataString(jurisdictionCode)}/{Year(year)}";

    public static string Case(string caseId) => "/cases/" + Uri.EscapeDataString(caseId);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
