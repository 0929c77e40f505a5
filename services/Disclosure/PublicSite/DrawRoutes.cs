using Ducha.Disclosure.Application.Draws;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Http;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A 双随机 draw's page (<c>/public/draws/{id}</c>) and its JSON (<c>…/{id}.json</c>): the commitment from draw time,
/// and once revealed the seed, inputs and pairs with findings. Not cached: a reveal changes the page.
/// </summary>
public static partial class PublicSiteRoutes
{
    private static async Task<IResult> DrawAsync(string file, HttpContext http)
    {
        var services = http.RequestServices;
        var (id, json) = file.EndsWith(".json", StringComparison.Ordinal) ? (file[..^5], true) : (file, false);
        if (id.Length is 0 or > 36) return NotFound(services);
        var draw = await services.GetRequiredService<ReadPublicDraw>().FindAsync(id, http.RequestAborted);
        var tree = services.GetRequiredService<JurisdictionTree>();
        if (draw is null || tree.Find(draw.JurisdictionCode) is not { } place) return NotFound(services);
        return Answer(services, json
            ? PublicRepresentation.Of(DrawPage.Json(draw), PublicRepresentation.JsonType)
            : PublicRepresentation.Of(DrawPage.Render(tree, place, draw), PublicRepresentation.HtmlType));
    }
}
