using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A jurisdiction's announcements as JSON, for media and county websites that place them in their own pages: every
/// version's facts in machine form (dates yyyy-MM-dd, venues by their API names and their Chinese labels) with each
/// correction's reason and changed fields, and absolute links to the public pages.
/// </summary>
internal static class AnnouncementJson
{
    // Chinese as it is; <, >, & and quotes escaped, so a site pasting the JSON into a script block is not opened to injection.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Render(JurisdictionTree tree, Jurisdiction place, IReadOnlyList<Announcement> announcements, string baseUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("jurisdiction");
            json.WriteString("code", place.Code);
            json.WriteString("name", PlaceNames.Full(tree, place));
            json.WriteString("level", place.Level.ToString().ToLowerInvariant());
            json.WriteString("url", baseUrl + PublicPaths.Jurisdiction(place.Code));
            json.WriteEndObject();
            json.WriteStartArray("announcements");
            foreach (var a in announcements) Announcement(json, tree, a, baseUrl);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Announcement(Utf8JsonWriter json, JurisdictionTree tree, Announcement a, string baseUrl)
    {
        var county = tree.Find(a.JurisdictionCode);
        var countyName = county is null ? a.JurisdictionCode : PlaceNames.Full(tree, county);
        json.WriteStartObject();
        json.WriteString("id", a.Id);
        json.WriteString("url", baseUrl + PublicPaths.Announcement(a.Id));
        json.WriteString("jurisdictionCode", a.JurisdictionCode);
        json.WriteString("jurisdictionName", countyName);
        json.WriteString("title", AnnouncementText.Title(a.Current, countyName));
        json.WriteString("publishedBy", PlaceNames.Office(tree, a.PublishedBy));
        json.WriteString("publishedAt", a.PublishedAt);
        json.WriteString("updatedAt", a.UpdatedAt);
        json.WriteNumber("version", a.Version);
        json.WritePropertyName("current");
        Version(json, a, a.Current, baseUrl);
        json.WriteStartArray("corrections");
        foreach (var v in a.Versions.Where(v => v.Number > 1).OrderBy(v => v.Number)) Version(json, a, v, baseUrl);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Version(Utf8JsonWriter json, Announcement a, AnnouncementVersion v, string baseUrl)
    {
        json.WriteStartObject();
        json.WriteNumber("version", v.Number);
        json.WriteString("team", v.Team);
        json.WriteString("startDate", v.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("endDate", v.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("reportPhone", v.ReportPhone);
        json.WriteString("phoneHours", v.PhoneHours.ToString());
        json.WriteString("postalBox", v.PostalBox);
        json.WriteStartArray("venues");
        foreach (var venue in v.Venues)
        {
            json.WriteStartObject();
            json.WriteString("code", VenueCode(venue));
            json.WriteString("name", AnnouncementText.Venue(venue));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("recordedAt", v.RecordedAt);
        if (v.Number > 1)
        {
            json.WriteString("reason", v.Reason);
            json.WriteStartArray("changedFields");
            foreach (var field in a.ChangedFields(v)) json.WriteStringValue(field);
            json.WriteEndArray();
            json.WriteString("previousUrl", baseUrl + PublicPaths.AnnouncementVersion(a.Id, v.Number - 1));
        }
        json.WriteEndObject();
    }

    /// <summary>The venue as the API names it (ANNOUNCEMENT_VENUE_TV), so a client of both reads one vocabulary.</summary>
    private static string VenueCode(AnnouncementVenue venue) => venue switch
    {
        AnnouncementVenue.GovernmentWebsite => "ANNOUNCEMENT_VENUE_GOVERNMENT_WEBSITE",
        AnnouncementVenue.ZoneCommitteeWebsite => "ANNOUNCEMENT_VENUE_ZONE_COMMITTEE_WEBSITE",
        AnnouncementVenue.EcologyBureauWebsite => "ANNOUNCEMENT_VENUE_ECOLOGY_BUREAU_WEBSITE",
        AnnouncementVenue.Tv => "ANNOUNCEMENT_VENUE_TV",
        AnnouncementVenue.Newspaper => "ANNOUNCEMENT_VENUE_NEWSPAPER",
        _ => "ANNOUNCEMENT_VENUE_NEW_MEDIA",
    };
}
