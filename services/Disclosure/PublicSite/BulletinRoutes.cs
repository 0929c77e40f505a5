using Ducha.Disclosure.Application.Bulletins;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Http;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// The public bulletin routes: a jurisdiction's list, each bulletin's page (<c>?version=N</c> for an earlier one), its
/// attached table as XLSX and CSV, and the whole bulletin as JSON. Only published bulletins exist here; a draft, like an unknown id, is the 404 page.
/// Rendered once per bulletin version and kept in the page cache under that version.
/// </summary>
public static partial class PublicSiteRoutes
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvType = "text/csv; charset=utf-8";

    private static async Task<IResult> BulletinAsync(string file, HttpContext http)
    {
        var services = http.RequestServices;
        var (id, extension) = file.LastIndexOf('.') is var dot and > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        if (!Guid.TryParseExact(id, "D", out _) || extension is not ("" or "xlsx" or "csv" or "json")) return NotFound(services);
        var read = services.GetRequiredService<ReadPublicBulletins>();
        var ct = http.RequestAborted;
        var current = await read.VersionAsync(id, ct);
        if (current == 0) return NotFound(services);
        if (AskedVersion(http.Request, current) is not { } version) return NotFound(services);
        var tree = services.GetRequiredService<JurisdictionTree>();
        // The JSON's links are absolute: the host it is asked of is part of what it is.
        var baseUrl = extension == "json" ? BaseUrl(services, http.Request) : "";
        var page = await services.GetRequiredService<PublicPageCache>().GetOrRenderAsync($"bulletin|{id}|{current}|{version}|{extension}|{baseUrl}", async () =>
        {
            if (await read.FindAsync(id, ct) is not var (bulletin, versions) || versions.FirstOrDefault(v => v.Number == version) is not { } shown)
                return NotFoundPage.Representation;
            var content = Domain.Bulletins.BulletinContentJson.Read(shown.ContentJson);
            return extension switch
            {
                "xlsx" => PublicRepresentation.Of(Export.BulletinTable.Xlsx(content), XlsxType),
                "csv" => PublicRepresentation.Of(Export.BulletinTable.Csv(content), CsvType),
                "json" => PublicRepresentation.Of(BulletinJson.Render(bulletin, versions, shown, baseUrl), PublicRepresentation.JsonType),
                _ => PublicRepresentation.Of(BulletinPage.Render(tree, bulletin, versions, shown), PublicRepresentation.HtmlType),
            };
        });
        return Answer(services, page);
    }

    private static async Task<IResult> BulletinListAsync(string code, HttpContext http)
    {
        var services = http.RequestServices;
        var tree = services.GetRequiredService<JurisdictionTree>();
        if (!CodePattern().IsMatch(code) || tree.Find(code) is not { Level: <= JurisdictionLevel.County } place) return NotFound(services);
        var read = services.GetRequiredService<ReadPublicBulletins>();
        var ct = http.RequestAborted;
        var stamp = await read.StampAsync(place, ct);
        var page = await services.GetRequiredService<PublicPageCache>().GetOrRenderAsync($"bulletins|{code}|{stamp}",
            async () => PublicRepresentation.Of(BulletinPage.RenderList(tree, place, await read.ListAsync(place, ct)), PublicRepresentation.HtmlType));
        return Answer(services, page);
    }
}
