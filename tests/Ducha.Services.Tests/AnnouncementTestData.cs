using Ducha.Contracts.Disclosure.V1;

namespace Ducha.Services.Tests;

/// <summary>A valid entry announcement for a county, for tests to change one field of.</summary>
internal static class AnnouncementTestData
{
    public static PublishAnnouncementRequest For(string countyCode, string team = "苏州市第一生态环境保护督察组") => new()
    {
        JurisdictionCode = countyCode,
        Team = team,
        StartDate = "2024-10-08",
        EndDate = "2024-11-08",
        ReportPhone = "0512-68001234",
        PostalBox = "苏州市A001号邮政信箱",
    };

    /// <summary>The request with one change made to it, for a test to say what differs from a valid one.</summary>
    public static PublishAnnouncementRequest With(this PublishAnnouncementRequest request, Action<PublishAnnouncementRequest> change)
    {
        change(request);
        return request;
    }
}
