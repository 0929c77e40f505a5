using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Application.Bulletins;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// Bulletins as JSON for media and county websites: a jurisdiction's list (each bulletin's counts and links, not its
/// table) and each bulletin whole — text, counts, running totals, the attached table row by row, and every correction
/// with its reason and what it changed. Only what the public page shows; dates yyyy-MM-dd, links absolute.
/// </summary>
internal static class BulletinJson
{
    // Chinese as it is; <, >, & and quotes escaped, so a site pasting the JSON into a script block is not opened to injection.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] RenderList(JurisdictionTree tree, Jurisdiction place, IReadOnlyList<PublishedBulletin> bulletins, string baseUrl) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("jurisdiction");
        json.WriteString("code", place.Code);
        json.WriteString("name", PlaceNames.Full(tree, place));
        json.WriteString("url", baseUrl + PublicPaths.Bulletins(place.Code));
        json.WriteEndObject();
        json.WriteStartArray("bulletins");
        foreach (var b in bulletins)
        {
            var content = b.Bulletin.Content;
            json.WriteStartObject();
            Head(json, b.Bulletin.Id, content, b.Bulletin.Version, b.PublishedAt, b.UpdatedAt, baseUrl);
            json.WriteString("json", baseUrl + PublicPaths.BulletinFile(b.Bulletin.Id, "json"));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>One version of a bulletin, whole, with the list of all its versions.</summary>
    public static byte[] Render(Bulletin bulletin, IReadOnlyList<BulletinVersion> versions, BulletinVersion shown, string baseUrl) => Write(json =>
    {
        var content = BulletinContentJson.Read(shown.ContentJson);
        json.WriteStartObject();
        Head(json, bulletin.Id, content, shown.Number, versions[0].PublishedAt, shown.PublishedAt, baseUrl);
        json.WriteNumber("latestVersion", versions[^1].Number);
        json.WriteStartArray("paragraphs");
        foreach (var paragraph in content.Paragraphs()) json.WriteStringValue(paragraph);
        json.WriteEndArray();
        json.WriteStartArray("cases");
        foreach (var row in content.Cases)
        {
            json.WriteStartObject();
            json.WriteNumber("number", row.Number);
            json.WriteString("place", row.Place);
            json.WriteString("pollutionType", row.PollutionType);
            json.WriteString("basicFacts", row.BasicFacts);
            json.WriteString("findings", row.Findings);
            json.WriteString("result", row.Result);
            json.WriteString("rectification", row.Rectification);
            json.WriteString("accountability", row.Accountability.ToChinese());
            json.WriteBoolean("typical", row.Typical);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("versions");
        for (var i = 0; i < versions.Count; i++)
        {
            var v = versions[i];
            json.WriteStartObject();
            json.WriteNumber("version", v.Number);
            json.WriteString("publishedAt", v.PublishedAt);
            json.WriteString("url", baseUrl + PublicPaths.BulletinVersion(bulletin.Id, v.Number));
            if (i > 0)
            {
                json.WriteString("reason", v.Reason);
                json.WriteStartArray("changes");
                foreach (var change in BulletinChanges.Between(BulletinContentJson.Read(versions[i - 1].ContentJson), BulletinContentJson.Read(v.ContentJson)))
                    json.WriteStringValue(change);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void Head(Utf8JsonWriter json, string id, BulletinContent content, int version, DateTimeOffset publishedAt, DateTimeOffset updatedAt, string baseUrl)
    {
        json.WriteString("id", id);
        json.WriteString("url", baseUrl + PublicPaths.Bulletin(id));
        json.WriteString("title", content.Title);
        json.WriteString("jurisdictionCode", content.JurisdictionCode);
        json.WriteString("periodStart", Date(content.PeriodStart));
        json.WriteString("periodEnd", Date(content.PeriodEnd));
        json.WriteNumber("version", version);
        json.WriteString("publishedAt", publishedAt);
        json.WriteString("updatedAt", updatedAt);
        json.WriteNumber("transferred", content.Transferred);
        json.WriteNumber("inHand", content.InHand);
        json.WriteNumber("closed", content.Closed);
        json.WriteNumber("overdue", content.Overdue);
        json.WriteString("accountability", content.Accountability.ToChinese());
        if (content.ToDate is { } total)
        {
            json.WriteStartObject("toDate");
            json.WriteString("since", Date(total.Since));
            json.WriteNumber("transferred", total.Transferred);
            json.WriteNumber("inHand", total.InHand);
            json.WriteNumber("closed", total.Closed);
            json.WriteNumber("overdue", total.Overdue);
            json.WriteString("accountability", total.Accountability.ToChinese());
            json.WriteEndObject();
        }
        json.WriteString("xlsx", baseUrl + PublicPaths.BulletinFile(id, "xlsx"));
        json.WriteString("csv", baseUrl + PublicPaths.BulletinFile(id, "csv"));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        return buffer.ToArray();
    }
}
