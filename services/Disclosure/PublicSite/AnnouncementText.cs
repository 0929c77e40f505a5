using System.Globalization;
using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.PublicSite;

/// <summary>The Chinese the public reads about an entry announcement, shared by its page, the lists, the feed and the JSON.</summary>
internal static class AnnouncementText
{
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Stay(AnnouncementVersion v) => $"{Date(v.StartDate)}至{Date(v.EndDate)}";

    /// <summary>每日 08:00—20:00.</summary>
    public static string Hours(PhoneHours hours) =>
        $"每日 {hours.From.ToString("HH:mm", CultureInfo.InvariantCulture)}—{hours.To.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Title(AnnouncementVersion v, string countyName) => $"{v.Team}进驻{countyName}公告";

    public static string State(StayState state) => state switch
    {
        StayState.Upcoming => "即将进驻",
        StayState.InResidence => "进驻中",
        _ => "已结束",
    };

    /// <summary>The badge's CSS class.</summary>
    public static string StateClass(StayState state) => state switch
    {
        StayState.Upcoming => "state upcoming",
        StayState.InResidence => "state",
        _ => "state ended",
    };

    public static string Venue(AnnouncementVenue venue) => venue switch
    {
        AnnouncementVenue.GovernmentWebsite => "县（区）政府网站",
        AnnouncementVenue.ZoneCommitteeWebsite => "管委会网站",
        AnnouncementVenue.EcologyBureauWebsite => "生态环境局网站",
        AnnouncementVenue.Tv => "电视台新闻栏目滚动播出",
        AnnouncementVenue.Newspaper => "报纸",
        AnnouncementVenue.NewMedia => "微信公众号、微博等新媒体",
        _ => venue.ToString(),
    };

    public static string Venues(IEnumerable<AnnouncementVenue> venues) => string.Join("、", venues.Select(Venue));

    /// <summary>What a field is called on the page, by its API name (AnnouncementContent.ChangedFieldsFrom).</summary>
    public static string FieldLabel(string field) => field switch
    {
        "team" => "督察组",
        "start_date" => "进驻开始日期",
        "end_date" => "进驻结束日期",
        "report_phone" => "举报电话",
        "phone_hours" => "接听时间",
        "postal_box" => "邮政信箱",
        "venues" => "公示渠道",
        _ => field,
    };

    public static string FieldValue(AnnouncementVersion v, string field) => field switch
    {
        "team" => v.Team,
        "start_date" => Date(v.StartDate),
        "end_date" => Date(v.EndDate),
        "report_phone" => v.ReportPhone,
        "phone_hours" => Hours(v.PhoneHours),
        "postal_box" => v.PostalBox,
        "venues" => Venues(v.Venues),
        _ => string.Empty,
    };

    /// <summary>The notice itself, in the words such announcements use (001 §二(一)1).</summary>
    public static IReadOnlyList<string> Paragraphs(AnnouncementVersion v, string countyName) =>
    [
        $"根据工作安排，{v.Team}于{Stay(v)}进驻{countyName}开展生态环境保护督察。",
        $"督察进驻期间设立专门值班电话：{v.ReportPhone}（{Hours(v.PhoneHours)}）；专门邮政信箱：{v.PostalBox}。",
        $"督察组主要受理{countyName}生态环境保护方面的来信来电举报。欢迎社会各界和广大群众积极反映问题。",
    ];
}
