using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain.AssessmentResults;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>A level's frozen assessment results of a year as JSON: what the page shows, ratings in Chinese and by code, links absolute.</summary>
internal static class AssessmentResultsJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Render(JurisdictionTree tree, Jurisdiction place, int year, IReadOnlyList<PublishedAssessmentResults> results, string baseUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("jurisdiction");
            json.WriteString("code", place.Code);
            json.WriteString("name", PlaceNames.Full(tree, place));
            json.WriteEndObject();
            json.WriteNumber("year", year);
            json.WriteString("url", baseUrl + PublicPaths.AssessmentResults(place.Code, year));
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("audience", r.Audience == PublishedAssessmentResults.Departments ? "departments" : "subordinates");
                json.WriteString("schemeId", r.SchemeId);
                json.WriteString("frozenAt", r.FrozenAt);
                json.WriteString("chainHead", r.ChainHead);
                json.WriteStartArray("parties");
                foreach (var p in r.Parties)
                {
                    json.WriteStartObject();
                    json.WriteNumber("rank", p.Rank);
                    json.WriteString("jurisdictionCode", p.JurisdictionCode);
                    if (p.Department is not null) json.WriteString("department", p.Department);
                    json.WriteString("name", AssessmentResultsPage.PartyName(tree, p));
                    json.WriteNumber("specialPoints", p.SpecialPoints);
                    json.WriteNumber("deductionPoints", p.DeductionPoints);
                    json.WriteNumber("total", p.Total);
                    json.WriteString("rating", p.RatingInChinese);
                    json.WriteString("ratingCode", p.Rating);
                    json.WriteBoolean("vetoed", p.Vetoed);
                    json.WriteString("hash", p.Hash);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
