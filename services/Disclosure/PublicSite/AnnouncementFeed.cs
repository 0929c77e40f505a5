using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A jurisdiction's Atom 1.0 feed (RFC 4287), for county websites and media to syndicate: one entry per announcement
/// and per published bulletin (the latest <see cref="Bulletins"/>), updated when it is corrected. Ids are URNs that never
/// change with the host serving them: an entry is its record's GUID, the feed a name-based UUID of its jurisdiction's code.
/// </summary>
internal static class AnnouncementFeed
{
    /// <summary>How many of the latest bulletins the feed carries; older ones stay on the bulletin list.</summary>
    public const int Bulletins = 30;

    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";

    // A fixed namespace for the feed ids: the same jurisdiction always has the same feed id.
    private static readonly Guid FeedNamespace = new("5b0f3f0e-6c43-4c1a-9a55-263d0c1a5e01");

    public static byte[] Render(JurisdictionTree tree, Jurisdiction place, PlaceListing listing, string baseUrl)
    {
        var announcements = listing.Announcements;
        var placeName = PlaceNames.Full(tree, place);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("id", AtomNamespace, "urn:uuid:" + NameBased(FeedNamespace, "ducha/public/" + place.Code));
            xml.WriteElementString("title", AtomNamespace, $"{placeName}{PublicLayout.SiteName}");
            // A feed without entries has not changed since it began; "now" would make every request a new document.
            var updated = announcements.Select(a => a.UpdatedAt).Concat(listing.Bulletins.Select(b => b.UpdatedAt)).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
            xml.WriteElementString("updated", AtomNamespace, Instant(updated));
            Link(xml, "self", baseUrl + PublicPaths.Feed(place.Code), "application/atom+xml");
            Link(xml, "alternate", baseUrl + PublicPaths.Jurisdiction(place.Code), "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, PlaceNames.Office(tree, place.Code));
            xml.WriteEndElement();
            foreach (var a in announcements) Entry(xml, tree, a, baseUrl);
            foreach (var b in listing.Bulletins) BulletinFeedEntry.Write(xml, tree, b, baseUrl);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, JurisdictionTree tree, Announcement a, string baseUrl)
    {
        var v = a.Current;
        var county = tree.Find(a.JurisdictionCode);
        var countyName = county is null ? a.JurisdictionCode : PlaceNames.Full(tree, county);
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, "urn:uuid:" + a.Id);
        xml.WriteElementString("title", AtomNamespace, AnnouncementText.Title(v, countyName) + (a.Version > 1 ? $"（已更正，第{a.Version}版）" : ""));
        xml.WriteElementString("updated", AtomNamespace, Instant(a.UpdatedAt));
        xml.WriteElementString("published", AtomNamespace, Instant(a.PublishedAt));
        Link(xml, "alternate", baseUrl + PublicPaths.Announcement(a.Id), "text/html");
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, PlaceNames.Office(tree, a.PublishedBy));
        xml.WriteEndElement();
        // The announcement as HTML, written as escaped text: Atom's type="html".
        var html = new Html();
        foreach (var paragraph in AnnouncementText.Paragraphs(v, countyName)) html.Element("p", paragraph);
        if (a.Version > 1) html.Element("p", $"本公告已于{AnnouncementText.Date(Reference.Calendar.BeijingTime.DateOf(a.UpdatedAt))}更正：{v.Reason}");
        xml.WriteStartElement("content", AtomNamespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(html.ToString());
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    internal static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    internal static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A name-based UUID from SHA-256 of the namespace and the name: version 8, as RFC 9562 §B.2 describes it.</summary>
    private static Guid NameBased(Guid ns, string name)
    {
        var bytes = SHA256.HashData([.. ns.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16), bigEndian: true);
    }
}
