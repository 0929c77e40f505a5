using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Exposure;

/// <summary>Where the 曝光 pages are.</summary>
public static class ExposurePaths
{
    public const string Home = "/exposure", FollowUps = "/exposure/follow-ups";

    public static string Week(string columnId, DateOnly monday) =>
        $"/exposure/columns/{Uri.EscapeDataString(columnId)}?week={WireDate.Format(monday)}";

    public static string FollowUp(string exposureId) => $"{FollowUps}/{Uri.EscapeDataString(exposureId)}";
}
