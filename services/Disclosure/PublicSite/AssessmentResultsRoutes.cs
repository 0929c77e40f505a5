using System.Globalization;
using Ducha.Disclosure.Application.AssessmentResults;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Http;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A level's frozen assessment results of a year: the page (<c>/public/assessment-results/{code}/{year}</c>) and its JSON
/// (<c>…/{year}.json</c>). Results are published once and never change, so how many there are stamps what is cached.
/// A level without published results that year, like an unknown code or year, is the 404 page.
/// </summary>
public static partial class PublicSiteRoutes
{
    private static async Task<IResult> AssessmentResultsAsync(string code, string file, HttpContext http)
    {
        var services = http.RequestServices;
        var (text, json) = file.EndsWith(".json", StringComparison.Ordinal) ? (file[..^5], true) : (file, false);
        var tree = services.GetRequiredService<JurisdictionTree>();
        if (!CodePattern().IsMatch(code) || tree.Find(code) is not { Level: <= JurisdictionLevel.County } place
            || text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            return NotFound(services);
        var read = services.GetRequiredService<ReadPublicAssessmentResults>();
        var ct = http.RequestAborted;
        var count = await read.CountAsync(place, year, ct);
        if (count == 0) return NotFound(services);
        var baseUrl = json ? BaseUrl(services, http.Request) : "";
        var page = await services.GetRequiredService<PublicPageCache>().GetOrRenderAsync($"assessment-results|{code}|{year}|{count}|{json}|{baseUrl}", async () =>
        {
            var results = await read.OfYearAsync(place, year, ct);
            return json
                ? PublicRepresentation.Of(AssessmentResultsJson.Render(tree, place, year, results, baseUrl), PublicRepresentation.JsonType)
                : PublicRepresentation.Of(AssessmentResultsPage.Render(tree, place, year, results), PublicRepresentation.HtmlType);
        });
        return Answer(services, page);
    }
}
