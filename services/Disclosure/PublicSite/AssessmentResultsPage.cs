using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain.AssessmentResults;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A level's frozen assessment results of a year: for its subordinate jurisdictions and for its departments, each party
/// with its rank, points, total and rating, marked where 一票否优 kept it from 优秀, and the chain head that seals them.
/// </summary>
internal static class AssessmentResultsPage
{
    public static string Render(JurisdictionTree tree, Jurisdiction place, int year, IReadOnlyList<PublishedAssessmentResults> results)
    {
        var title = $"{PlaceNames.Full(tree, place)}{year}年度生态环境保护考核结果";
        var html = new Html().Element("h2", title);
        html.Element("p", $"考核单位：{PlaceNames.Office(tree, place.Code)}。考核结果已冻结，作为领导班子和领导干部综合考核评价的重要依据，"
            + "并送纪检监察机关和组织部门。", "meta");
        foreach (var r in results)
        {
            html.Element("h2", r.Audience == PublishedAssessmentResults.Departments ? "本级部门考核结果" : "所辖地区考核结果");
            html.Element("p", $"结果冻结时间：{Reference.Calendar.BeijingTime.DateOf(r.FrozenAt):yyyy年M月d日}", "meta");
            html.Raw("<div class=\"scroll\"><table class=\"cases\"><thead><tr>");
            foreach (var header in Headers) html.Element("th", header);
            html.Raw("</tr></thead><tbody>");
            foreach (var p in r.Parties)
            {
                string[] row = [p.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), PartyName(tree, p), Figure(p.SpecialPoints), Figure(p.DeductionPoints),
                    Figure(p.Total), p.RatingInChinese, p.Vetoed ? "一票否优" : ""];
                html.Raw("<tr>");
                for (var i = 0; i < row.Length; i++) html.Raw("<td data-label=\"").Text(Headers[i]).Raw("\">").Text(row[i]).Raw("</td>");
                html.Raw("</tr>");
            }
            html.Raw("</tbody></table></div>");
            html.Raw("<p class=\"meta\">").Text("存证哈希链末端：").Raw("<code>").Text(r.ChainHead).Raw("</code></p>");
        }
        html.Element("p", "注：“一票否优”指因发生较大及以上环境污染事故、瞒报事故、救援不力或突出环境问题整改不力等情形，不得评为优秀等次。", "meta");
        html.Raw("<p class=\"meta\">").Link(PublicPaths.AssessmentResultsJson(place.Code, year), "JSON").Raw("</p>");
        return PublicLayout.Render(new PageFrame(title, place, PlaceNames.Chain(tree, place)), html.ToString());
    }

    /// <summary>The years of which a level has published results, as links; nothing when it has none.</summary>
    public static void Years(Html html, Jurisdiction place, IReadOnlyList<int> years)
    {
        if (years.Count == 0) return;
        html.Raw("<section id=\"assessment-results\">").Element("h2", "年度考核结果").Raw("<ul>");
        foreach (var year in years)
            html.Raw("<li>").Link(PublicPaths.AssessmentResults(place.Code, year), $"{year}年度生态环境保护考核结果").Raw("</li>");
        html.Raw("</ul></section>");
    }

    public static readonly string[] Headers = ["名次", "被考核单位", "专项考核得分", "扣分", "总分", "等次", "一票否优"];

    public static string PartyName(JurisdictionTree tree, PublishedParty party) =>
        party.Department ?? (tree.Find(party.JurisdictionCode) is { } place ? PlaceNames.Full(tree, place) : party.JurisdictionCode);

    private static string Figure(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
