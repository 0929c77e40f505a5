using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.PublicSite;

/// <summary>The HTML pieces of an entry announcement: its card in a list, its full text, its facts and its corrections.</summary>
internal static class AnnouncementHtml
{
    /// <summary>
    /// An announcement in a list: title (linked), where the stay stands, the phone and the box. On a city's or a
    /// province's page <paramref name="countyLink"/> names the county and links its page.
    /// </summary>
    public static void Card(Html html, Announcement a, string countyName, DateOnly today, (string Code, string Name)? countyLink)
    {
        var v = a.Current;
        var state = v.Content.StateOn(today);
        html.Raw("<article><h3>").Link(PublicPaths.Announcement(a.Id), AnnouncementText.Title(v, countyName)).Raw("</h3><p class=\"meta\">")
            .Element("span", AnnouncementText.State(state), AnnouncementText.StateClass(state));
        if (countyLink is { } county) html.Link(PublicPaths.Jurisdiction(county.Code), county.Name);
        if (a.Version > 1) html.Text((countyLink is null ? "" : " · ") + $"已更正（第{a.Version}版）");
        html.Raw("</p>");
        Facts(html, v, withTeam: false);
        html.Raw("</article>");
    }

    /// <summary>The facts the public acts on, as a definition list; the phone is a tel: link for a phone's browser.</summary>
    public static void Facts(Html html, AnnouncementVersion v, bool withTeam)
    {
        html.Raw("<dl>");
        if (withTeam) html.Element("dt", "督察组").Element("dd", v.Team);
        html.Element("dt", "进驻时间").Element("dd", AnnouncementText.Stay(v))
            .Element("dt", "举报电话").Raw("<dd><a class=\"phone\" href=\"tel:").Text(v.ReportPhone).Raw("\">").Text(v.ReportPhone).Raw("</a></dd>")
            .Element("dt", "接听时间").Element("dd", AnnouncementText.Hours(v.PhoneHours))
            .Element("dt", "邮政信箱").Element("dd", v.PostalBox);
        if (withTeam) html.Element("dt", "公示渠道").Element("dd", AnnouncementText.Venues(v.Venues));
        html.Raw("</dl>");
    }

    /// <summary>
    /// The announcement as published in <paramref name="shown"/>: a notice when it has been corrected (or when an older
    /// version is shown), its text, its facts, who published it, and every correction with what it changed.
    /// </summary>
    public static void Full(Html html, Announcement a, AnnouncementVersion shown, string countyName, string publisher, DateOnly today)
    {
        var state = shown.Content.StateOn(today);
        html.Element("h2", AnnouncementText.Title(shown, countyName))
            .Raw("<p class=\"meta\">").Element("span", AnnouncementText.State(state), AnnouncementText.StateClass(state))
            .Text($"第{shown.Number}版 · {AnnouncementText.Date(Beijing(shown.RecordedAt))}{(shown.Number == 1 ? "发布" : "更正")}").Raw("</p>");
        if (shown.Number < a.Version)
            html.Raw("<p class=\"notice\">").Text($"您正在查看本公告的第{shown.Number}版，该版本已被更正，现行为第{a.Version}版。")
                .Link(PublicPaths.Announcement(a.Id), "查看现行版本").Raw("</p>");
        else if (a.Version > 1)
            html.Raw("<p class=\"notice\">").Text($"本公告已于{AnnouncementText.Date(Beijing(a.UpdatedAt))}更正，现为第{a.Version}版。更正原因及更正内容见下方“更正记录”，原版本仍可查看。").Raw("</p>");
        foreach (var paragraph in AnnouncementText.Paragraphs(shown, countyName)) html.Element("p", paragraph);
        Facts(html, shown, withTeam: true);
        html.Raw("<p class=\"meta\">").Text($"发布：{publisher} · {AnnouncementText.Date(Beijing(a.PublishedAt))}").Raw("</p>");
        if (a.Version > 1) Corrections(html, a);
    }

    private static void Corrections(Html html, Announcement a)
    {
        html.Element("h2", "更正记录");
        foreach (var version in a.Versions.Where(v => v.Number > 1).OrderByDescending(v => v.Number))
        {
            var before = a.Before(version)!;
            html.Raw("<article>").Element("h3", $"第{version.Number}版 · {AnnouncementText.Date(Beijing(version.RecordedAt))}更正")
                .Element("p", "更正原因：" + version.Reason)
                .Raw("<table><thead><tr><th>更正项目</th><th>原内容</th><th>更正为</th></tr></thead><tbody>");
            foreach (var field in a.ChangedFields(version))
                html.Raw("<tr>").Element("td", AnnouncementText.FieldLabel(field)).Element("td", AnnouncementText.FieldValue(before, field))
                    .Element("td", AnnouncementText.FieldValue(version, field)).Raw("</tr>");
            html.Raw("</tbody></table><p class=\"meta\">").Link(PublicPaths.AnnouncementVersion(a.Id, before.Number), $"查看第{before.Number}版原文").Raw("</p></article>");
        }
    }

    private static DateOnly Beijing(DateTimeOffset instant) => Reference.Calendar.BeijingTime.DateOf(instant);
}
