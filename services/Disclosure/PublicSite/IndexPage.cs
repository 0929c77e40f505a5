using Ducha.Disclosure.Application;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>The site's front page: the provinces, each linking its page; built from the tree alone, so rendered once.</summary>
internal static class IndexPage
{
    public static PublicRepresentation Render(JurisdictionTree tree)
    {
        var html = new Html().Element("h2", "各省（自治区、直辖市）").Raw("<ul class=\"places\">");
        foreach (var province in tree.Provinces) html.Raw("<li>").Link(PublicPaths.Jurisdiction(province.Code), province.Name).Raw("</li>");
        html.Raw("</ul>");
        return PublicRepresentation.Of(PublicLayout.Render(new PageFrame(PublicLayout.SiteName, null, []), html.ToString()), PublicRepresentation.HtmlType);
    }
}
