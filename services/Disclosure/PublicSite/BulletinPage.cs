using Ducha.Disclosure.Application;
using Ducha.Disclosure.Application.Bulletins;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A published 边督边改 bulletin: its text, the attached table (one row per case) with its downloads, and — once
/// corrected — which version this is, why each correction was made and what it changed, with links to every version.
/// </summary>
internal static class BulletinPage
{
    public static string Render(JurisdictionTree tree, Bulletin bulletin, IReadOnlyList<BulletinVersion> versions, BulletinVersion shown)
    {
        var content = BulletinContentJson.Read(shown.ContentJson);
        var place = tree.Find(bulletin.JurisdictionCode);
        var html = new Html();
        html.Raw("<article>").Element("h2", content.Title);
        html.Element("p", $"发布时间：{Reference.Calendar.BeijingTime.DateOf(versions[0].PublishedAt):yyyy年M月d日}" +
            (versions.Count > 1 ? $"　第{shown.Number}版（共{versions.Count}版）" : ""), "meta");
        if (versions.Count > 1)
        {
            html.Raw("<div class=\"notice\">").Element("strong", shown.Number == versions[^1].Number ? "本通报已更正，以下为最新版本。" : "您正在查看更正前的版本。");
            html.Raw("<ul>");
            for (var i = 1; i < versions.Count; i++)
            {
                var changes = BulletinChanges.Between(BulletinContentJson.Read(versions[i - 1].ContentJson), BulletinContentJson.Read(versions[i].ContentJson));
                html.Raw("<li>").Link(PublicPaths.BulletinVersion(bulletin.Id, versions[i].Number), $"第{versions[i].Number}版")
                    .Text($"（{Reference.Calendar.BeijingTime.DateOf(versions[i].PublishedAt):M月d日}更正）更正原因：{versions[i].Reason}。{string.Join("；", changes)}")
                    .Raw("</li>");
            }
            html.Raw("<li>").Link(PublicPaths.BulletinVersion(bulletin.Id, 1), "第1版（原发布版本）").Raw("</li></ul></div>");
        }
        foreach (var paragraph in content.Paragraphs()) html.Element("p", paragraph);
        html.Raw("</article><h2>附表</h2><p class=\"meta\">下载：")
            .Link(PublicPaths.BulletinFile(bulletin.Id, "xlsx"), "Excel").Raw(" · ").Link(PublicPaths.BulletinFile(bulletin.Id, "csv"), "CSV")
            .Raw(" · ").Link(PublicPaths.BulletinFile(bulletin.Id, "json"), "JSON").Raw("</p>");
        // Each cell carries its column's name, so on a phone the stylesheet shows a row as a card of labelled lines.
        var headers = Export.BulletinTable.Headers;
        html.Raw("<div class=\"scroll\"><table class=\"cases\"><thead><tr>");
        foreach (var header in headers) html.Element("th", header);
        html.Raw("</tr></thead><tbody>");
        foreach (var row in Export.BulletinTable.Rows(content))
        {
            html.Raw("<tr>");
            for (var i = 0; i < row.Length; i++) html.Raw("<td data-label=\"").Text(headers[i]).Raw("\">").Text(row[i]).Raw("</td>");
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table></div>");
        var chain = place is null ? [] : PlaceNames.Chain(tree, place);
        return PublicLayout.Render(new PageFrame(content.Title, place, chain), html.ToString());
    }

    /// <summary>A jurisdiction's published bulletins, latest first.</summary>
    public static string RenderList(JurisdictionTree tree, Jurisdiction place, IReadOnlyList<PublishedBulletin> bulletins)
    {
        var html = new Html().Element("h2", "边督边改情况通报");
        Items(html, bulletins);
        return PublicLayout.Render(new PageFrame($"{place.Name}边督边改情况通报", place, PlaceNames.Chain(tree, place), WithFeeds: true), html.ToString());
    }

    /// <summary>The bulletins as a list of links, each with its publication date and whether it was corrected.</summary>
    public static void Items(Html html, IReadOnlyList<PublishedBulletin> bulletins)
    {
        if (bulletins.Count == 0) html.Element("p", "暂无已发布的通报。", "meta");
        html.Raw("<ul>");
        foreach (var b in bulletins)
        {
            html.Raw("<li>").Link(PublicPaths.Bulletin(b.Bulletin.Id), b.Bulletin.Content.Title)
                .Raw("<span class=\"meta\">").Text($"　{Reference.Calendar.BeijingTime.DateOf(b.PublishedAt):M月d日}发布")
                .Text(b.Bulletin.Version > 1 ? $"，已更正（第{b.Bulletin.Version}版）" : "").Raw("</span></li>");
        }
        html.Raw("</ul>");
    }
}
