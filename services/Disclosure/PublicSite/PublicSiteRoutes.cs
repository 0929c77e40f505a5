using System.Text.RegularExpressions;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Application.Bulletins;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// The public site (no token): per jurisdiction its page, its announcements and its bulletins as JSON and one Atom feed
/// of both, and each announcement's page. A request asks the database one small indexed question — the content stamp of what it shows —
/// and renders only when that stamp (or the day, for pages that say whether a team is still in residence) is new.
/// Unknown or malformed codes and ids answer the Chinese 404 page; nothing here can answer a 5xx for odd input.
/// </summary>
public static partial class PublicSiteRoutes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicSiteOptions>(configuration.GetSection(PublicSiteOptions.Section));
        services.AddSingleton<PublicPageCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup(PublicPaths.Root).AllowAnonymous().ExcludeFromDescription();
        site.MapMethods("/", GetAndHead, (HttpContext http) => Answer(http.RequestServices,
            http.RequestServices.GetRequiredService<PublicPageCache>().GetOrRender("index", () => IndexPage.Render(http.RequestServices.GetRequiredService<JurisdictionTree>()))));
        site.MapMethods("/announcements/{id}", GetAndHead, AnnouncementAsync);
        site.MapMethods("/{code}", GetAndHead, JurisdictionAsync);
        site.MapMethods("/{code}/announcements.json", GetAndHead, JsonAsync);
        site.MapMethods("/{code}/feed.atom", GetAndHead, FeedAsync);
        site.MapMethods("/bulletins/{file}", GetAndHead, BulletinAsync);
        site.MapMethods("/{code}/bulletins", GetAndHead, BulletinListAsync);
        site.MapMethods("/{code}/bulletins.json", GetAndHead, BulletinJsonAsync);
        site.MapMethods("/assessment-results/{code}/{file}", GetAndHead, AssessmentResultsAsync);
        site.MapMethods("/draws/{file}", GetAndHead, DrawAsync);
        // Any other path under the site is no page, said in Chinese rather than with the API's 401.
        site.MapMethods("/{**rest}", GetAndHead, (HttpContext http) => NotFound(http.RequestServices));
        return endpoints;
    }

    private static Task<IResult> JurisdictionAsync(string code, HttpContext http) =>
        ForPlaceAsync(code, http, "page", withDay: true, bulletins: JurisdictionPage.LatestBulletins, assessmentResults: true,
            (tree, place, listing, today, _) =>
            PublicRepresentation.Of(JurisdictionPage.Render(tree, place, listing, today), PublicRepresentation.HtmlType));

    private static Task<IResult> JsonAsync(string code, HttpContext http) =>
        ForPlaceAsync(code, http, "json", withDay: false, bulletins: 0, assessmentResults: false, (tree, place, listing, _, baseUrl) =>
            PublicRepresentation.Of(AnnouncementJson.Render(tree, place, listing.Announcements, baseUrl), PublicRepresentation.JsonType));

    private static Task<IResult> BulletinJsonAsync(string code, HttpContext http) =>
        ForPlaceAsync(code, http, "bulletins.json", withDay: false, bulletins: 200, assessmentResults: false, (tree, place, listing, _, baseUrl) =>
            PublicRepresentation.Of(BulletinJson.RenderList(tree, place, listing.Bulletins, baseUrl), PublicRepresentation.JsonType));

    private static Task<IResult> FeedAsync(string code, HttpContext http) =>
        ForPlaceAsync(code, http, "atom", withDay: false, bulletins: AnnouncementFeed.Bulletins, assessmentResults: false, (tree, place, listing, _, baseUrl) =>
            PublicRepresentation.Of(AnnouncementFeed.Render(tree, place, listing, baseUrl), PublicRepresentation.AtomType));

    private delegate PublicRepresentation RenderPlace(JurisdictionTree tree, Jurisdiction place, PlaceListing listing, DateOnly today, string baseUrl);

    /// <param name="bulletins">How many of the place's latest published bulletins the representation shows (0: none, and none read).</param>
    /// <param name="assessmentResults">Whether it lists the years of the place's published assessment results.</param>
    private static async Task<IResult> ForPlaceAsync(string code, HttpContext http, string kind, bool withDay, int bulletins, bool assessmentResults,
        RenderPlace render)
    {
        var services = http.RequestServices;
        var tree = services.GetRequiredService<JurisdictionTree>();
        // Only a province, city or county has an office that publishes; anything else is no page.
        if (!CodePattern().IsMatch(code) || tree.Find(code) is not { Level: <= JurisdictionLevel.County } place) return NotFound(services);
        var announcements = services.GetRequiredService<ReadPublicAnnouncements>();
        var published = services.GetRequiredService<ReadPublicBulletins>();
        var ct = http.RequestAborted;
        IReadOnlyList<int> years = assessmentResults
            ? await services.GetRequiredService<Application.AssessmentResults.ReadPublicAssessmentResults>().YearsAsync(place, ct) : [];
        var stamp = await announcements.StampAsync(place, ct) + (bulletins > 0 ? "/" + await published.StampAsync(place, ct) : "")
            + (years.Count > 0 ? "/" + string.Join(',', years) : "");
        var today = Today(services);
        var baseUrl = BaseUrl(services, http.Request);
        var key = $"{kind}|{code}|{stamp}|{(withDay ? today.DayNumber : 0)}|{(withDay ? "" : baseUrl)}";
        var page = await services.GetRequiredService<PublicPageCache>().GetOrRenderAsync(key, async () =>
            render(tree, place, new PlaceListing(await announcements.ListAsync(place, ct), bulletins > 0 ? await published.ListAsync(place, ct, bulletins) : [],
                years), today, baseUrl));
        return Answer(services, page);
    }

    private static async Task<IResult> AnnouncementAsync(string id, HttpContext http)
    {
        var services = http.RequestServices;
        if (!Guid.TryParseExact(id, "D", out _)) return NotFound(services);
        var read = services.GetRequiredService<ReadPublicAnnouncements>();
        var ct = http.RequestAborted;
        var current = await read.VersionAsync(id, ct);
        if (current == 0) return NotFound(services);
        if (AskedVersion(http.Request, current) is not { } version) return NotFound(services);
        var today = Today(services);
        var key = $"announcement|{id}|{current}|{version}|{today.DayNumber}";
        var tree = services.GetRequiredService<JurisdictionTree>();
        var page = await services.GetRequiredService<PublicPageCache>().GetOrRenderAsync(key, async () =>
        {
            var a = await read.FindAsync(id, ct);
            // Read after the stamp: a correction in between shows its newer version, and that version's key renders it again.
            var shown = a?.VersionNumbered(version);
            return a is null || shown is null ? NotFoundPage.Representation
                : PublicRepresentation.Of(AnnouncementPage.Render(tree, a, shown, today), PublicRepresentation.HtmlType);
        });
        return Answer(services, page);
    }

    /// <summary>
    /// The version <c>?version=N</c> asks for — an earlier one as it was published — or the current one when none is
    /// asked; null for anything but a version the record has, which is no page.
    /// </summary>
    private static int? AskedVersion(HttpRequest request, int current)
    {
        var asked = request.Query["version"];
        if (asked.Count == 0) return current;
        return asked.Count == 1 && int.TryParse(asked[0], System.Globalization.NumberStyles.None, null, out var version) && version >= 1 && version <= current
            ? version : null;
    }

    private static PublicResult NotFound(IServiceProvider services) => Answer(services, NotFoundPage.Representation);

    private static PublicResult Answer(IServiceProvider services, PublicRepresentation page) =>
        new PublicResult(page, services.GetRequiredService<IOptions<PublicSiteOptions>>().Value.MaxAge);

    private static DateOnly Today(IServiceProvider services) => BeijingTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow());

    private static string BaseUrl(IServiceProvider services, HttpRequest request) =>
        services.GetRequiredService<IOptions<PublicSiteOptions>>().Value.BaseUrl?.TrimEnd('/')
        ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}";

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex CodePattern();
}

/// <summary>What a jurisdiction's page, JSON and feed are rendered from.</summary>
internal sealed record PlaceListing(IReadOnlyList<Domain.Announcement> Announcements, IReadOnlyList<PublishedBulletin> Bulletins,
    IReadOnlyList<int>? AssessmentYears = null);
