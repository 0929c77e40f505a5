using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>One announcement's page, in its current version or an earlier one, under its county's header.</summary>
internal static class AnnouncementPage
{
    public static string Render(JurisdictionTree tree, Announcement a, AnnouncementVersion shown, DateOnly today)
    {
        var county = tree.Find(a.JurisdictionCode);
        var countyName = county is null ? a.JurisdictionCode : PlaceNames.Full(tree, county);
        var html = new Html();
        AnnouncementHtml.Full(html, a, shown, countyName, PlaceNames.Office(tree, a.PublishedBy), today);
        var chain = county is null ? [] : PlaceNames.Chain(tree, county);
        return PublicLayout.Render(new PageFrame(AnnouncementText.Title(shown, countyName), county, chain), html.ToString());
    }
}
