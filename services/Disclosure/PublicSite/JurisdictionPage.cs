using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A jurisdiction's public page: for a county its entry announcements, for a city or a province those of the counties
/// below it (each linked to its county's page), its latest 边督边改 bulletins with a link to all, the years of the assessment
/// results it published, then the places one level down.
/// </summary>
internal static class JurisdictionPage
{
    /// <summary>How many of the latest bulletins the page lists before the link to all of them.</summary>
    public const int LatestBulletins = 5;

    public static string Render(JurisdictionTree tree, Jurisdiction place, PlaceListing listing, DateOnly today)
    {
        var html = new Html();
        Announcements(html, tree, place, listing.Announcements, today);
        html.Raw("<section id=\"bulletins\">").Element("h2", "边督边改情况通报");
        BulletinPage.Items(html, listing.Bulletins);
        html.Raw("<p>").Link(Application.PublicPaths.Bulletins(place.Code), "本地区已发布的全部边督边改情况通报（文字及附表）").Raw("</p></section>");
        AssessmentResultsPage.Years(html, place, listing.AssessmentYears ?? []);
        Places(html, tree, place);
        return PublicLayout.Render(new PageFrame(PlaceNames.Full(tree, place), place, PlaceNames.Chain(tree, place), WithFeeds: true), html.ToString());
    }

    private static void Announcements(Html html, JurisdictionTree tree, Jurisdiction place, IReadOnlyList<Announcement> announcements, DateOnly today)
    {
        var own = place.Level == JurisdictionLevel.County;
        html.Raw("<section id=\"announcements\">").Element("h2", own ? "督察组进驻公告" : "所辖县（市、区）督察组进驻公告");
        if (announcements.Count == 0)
            html.Element("p", own ? "暂无督察组进驻公告。" : "所辖县（市、区）暂无督察组进驻公告。", "meta");
        // Teams in the county now come first, then those about to arrive, then past stays, the latest first in each.
        foreach (var a in announcements.OrderBy(a => Rank(a.Current.Content.StateOn(today))).ThenByDescending(a => a.Current.StartDate))
        {
            var county = tree.Find(a.JurisdictionCode);
            var name = county is null ? a.JurisdictionCode : PlaceNames.Full(tree, county);
            AnnouncementHtml.Card(html, a, name, today, own || county is null ? null : (county.Code, name));
        }
        html.Raw("</section>");
    }

    private static int Rank(StayState state) => state switch
    {
        StayState.InResidence => 0,
        StayState.Upcoming => 1,
        _ => 2,
    };

    private static void Places(Html html, JurisdictionTree tree, Jurisdiction place)
    {
        // A municipality's grouping node (市辖区) stands for its districts: list those instead.
        var below = tree.Children(place.Code).SelectMany(c => PlaceNames.IsGrouping(c) ? tree.Children(c.Code) : [c]).ToList();
        if (below.Count == 0) return;
        html.Raw("<section id=\"places\">").Element("h2", "下级地区信息公开")
            .Raw("<ul class=\"places\">");
        foreach (var child in below) html.Raw("<li>").Link(PublicPaths.Jurisdiction(child.Code), child.Name).Raw("</li>");
        html.Raw("</ul></section>");
    }
}
