namespace Ducha.Disclosure.Application;

/// <summary>
/// Where the public site serves what this service publishes. The gRPC answers point there too (<c>public_path</c>), so
/// both adapters take the paths from here rather than from each other.
/// </summary>
public static class PublicPaths
{
    public const string Root = "/public";

    public static string Jurisdiction(string code) => $"{Root}/{code}";

    public static string Announcement(string id) => $"{Root}/announcements/{id}";

    public static string AnnouncementVersion(string id, int version) => $"{Root}/announcements/{id}?version={version}";

    public static string AnnouncementsJson(string code) => $"{Root}/{code}/announcements.json";

    public static string Feed(string code) => $"{Root}/{code}/feed.atom";

    public static string Bulletins(string code) => $"{Root}/{code}/bulletins";

    public static string BulletinsJson(string code) => $"{Root}/{code}/bulletins.json";

    public static string Bulletin(string id) => $"{Root}/bulletins/{id}";

    public static string BulletinVersion(string id, int version) => $"{Root}/bulletins/{id}?version={version}";

    public static string BulletinFile(string id, string extension) => $"{Root}/bulletins/{id}.{extension}";

    public static string AssessmentResults(string code, int year) => $"{Root}/assessment-results/{code}/{year}";

    public static string AssessmentResultsJson(string code, int year) => $"{Root}/assessment-results/{code}/{year}.json";
}
