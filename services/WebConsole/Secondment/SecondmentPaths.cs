using System.Globalization;

namespace Ducha.WebConsole.Secondment;

/// <summary>Where the console shows 抽调, and where the public checks a revealed draw.</summary>
public static class SecondmentPaths
{
    public const string Roster = "/secondment";
    public const string Organization = "/secondment/organization";
    public const string Supervision = "/secondment/supervision";
    public const string Registers = "/secondment/draws";

    public static string Assessments(int year) => "/secondment/assessments/" + year.ToString(CultureInfo.InvariantCulture);

    public static string Draw(string id) => "/secondment/draws/" + Uri.EscapeDataString(id);

    /// <summary>The draw with VerifyDraw's answer shown: a read, so a plain GET the page answers.</summary>
    public static string Verify(string id) => Draw(id) + "?verify=1#verify-heading";

    public static string Case(string caseId) => "/cases/" + Uri.EscapeDataString(caseId);

    /// <summary>
    /// Disclosure's public page of a revealed draw: at the address the public reaches it (<c>Disclosure:PublicSite:BaseUrl</c>)
    /// or, unset, on this host, as the standalone host serves both.
    /// </summary>
    public static string PublicDraw(string? baseUrl, string id) => (baseUrl ?? "").TrimEnd('/') + "/public/draws/" + Uri.EscapeDataString(id);

    public static string Done(string path, string done)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = hash < 0 ? (path, "") : (path[..hash], path[hash..]);
        return head + (head.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + done + tail;
    }
}
