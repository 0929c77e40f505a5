using System.Xml;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Application.Bulletins;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using static Ducha.Disclosure.PublicSite.AnnouncementFeed;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A published bulletin as an entry of its jurisdiction's feed: the text as it stands, the reason of its latest
/// correction, and links to the page and the table's downloads — the table itself stays in the files.
/// </summary>
internal static class BulletinFeedEntry
{
    public static void Write(XmlWriter xml, JurisdictionTree tree, PublishedBulletin published, string baseUrl)
    {
        var bulletin = published.Bulletin;
        var content = bulletin.Content;
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, "urn:uuid:" + bulletin.Id);
        xml.WriteElementString("title", AtomNamespace, content.Title + (bulletin.Version > 1 ? $"（已更正，第{bulletin.Version}版）" : ""));
        xml.WriteElementString("updated", AtomNamespace, Instant(published.UpdatedAt));
        xml.WriteElementString("published", AtomNamespace, Instant(published.PublishedAt));
        Link(xml, "alternate", baseUrl + PublicPaths.Bulletin(bulletin.Id), "text/html");
        Link(xml, "enclosure", baseUrl + PublicPaths.BulletinFile(bulletin.Id, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, PlaceNames.Office(tree, bulletin.JurisdictionCode));
        xml.WriteEndElement();
        var html = new Html();
        foreach (var paragraph in content.Paragraphs()) html.Element("p", paragraph);
        if (published.Versions.Count > 1 && published.Versions[^1] is { } latest)
            html.Element("p", $"本通报已于{BeijingTime.DateOf(latest.PublishedAt):yyyy年M月d日}更正（第{latest.Number}版），更正原因：{latest.Reason}");
        html.Raw("<p>附表：").Link(baseUrl + PublicPaths.BulletinFile(bulletin.Id, "xlsx"), "Excel").Raw(" · ")
            .Link(baseUrl + PublicPaths.BulletinFile(bulletin.Id, "csv"), "CSV").Raw("</p>");
        xml.WriteStartElement("content", AtomNamespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(html.ToString());
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
