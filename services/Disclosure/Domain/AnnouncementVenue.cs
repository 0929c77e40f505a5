namespace Ducha.Disclosure.Domain;

/// <summary>
/// Where an entry announcement is shown: "县（区）政府、管委会、县生态环境局网站显著位置公示、电视台新闻栏目滚动播出"
/// (001 §二(一)2), and the papers and new media (APP, 微信公众号, 微博) the seeds encourage. Values match
/// ducha.disclosure.v1.AnnouncementVenue.
/// </summary>
public enum AnnouncementVenue
{
    GovernmentWebsite = 1,
    ZoneCommitteeWebsite = 2,
    EcologyBureauWebsite = 3,
    Tv = 4,
    Newspaper = 5,
    NewMedia = 6,
}

public static class AnnouncementVenues
{
    /// <summary>What 001 §二(一)2 requires when an announcement names none: the two websites and TV.</summary>
    public static readonly IReadOnlyList<AnnouncementVenue> Default =
        [AnnouncementVenue.GovernmentWebsite, AnnouncementVenue.EcologyBureauWebsite, AnnouncementVenue.Tv];
}
