using Ducha.Disclosure.Application;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>What a page says about itself besides its content: its title, the place it is about, its feeds.</summary>
internal sealed record PageFrame(string Title, Jurisdiction? Place, IReadOnlyList<Jurisdiction> Chain, bool WithFeeds = false);

/// <summary>
/// The one layout of every public page — announcements now, bulletins later: a Chinese document readable on a phone
/// (viewport, one column, system fonts), its place's name and the levels above it as links, the CSS inline so a page
/// is one request. Pages supply their main content as HTML built with <see cref="Html"/>.
/// </summary>
internal static class PublicLayout
{
    public const string SiteName = "生态环境保护督察信息公开";

    private const string Style =
        "body{margin:0;font-family:system-ui,-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif;"
        + "line-height:1.7;color:#1f2328;background:#f6f7f9;font-size:16px}"
        + "header{background:#0b5d3b;color:#fff;padding:12px 16px}header a{color:#d8f0e0}"
        + ".crumbs{font-size:14px}.site{font-size:14px;margin:0}h1{font-size:22px;margin:2px 0}"
        + "main,footer{max-width:720px;margin:0 auto;padding:8px 16px}"
        + "h2{font-size:18px;border-left:4px solid #0b5d3b;padding-left:8px;margin:20px 0 8px}h3{font-size:17px;margin:0 0 4px}"
        + "article{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px 14px;margin:10px 0}"
        + "dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:8px 0}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}"
        + ".state{display:inline-block;font-size:13px;padding:0 8px;border-radius:10px;background:#e6f4ea;color:#0b5d3b;margin-right:6px}"
        + ".upcoming{background:#fff4e5;color:#8a4b00}.ended{background:#eceff1;color:#555}"
        + ".notice{background:#fff8c5;border:1px solid #e3c65b;border-radius:6px;padding:8px 10px;margin:10px 0}"
        + ".meta{font-size:14px;color:#57606a}.phone{font-size:19px;font-weight:bold}"
        + "table{border-collapse:collapse;width:100%;font-size:14px;background:#fff}th,td{border:1px solid #dde1e6;padding:4px 6px;text-align:left;vertical-align:top}"
        + ".scroll{overflow-x:auto}"
        // On a phone the attached table's eight columns would be a few characters wide: each row becomes a card instead.
        + "@media (max-width:640px){table.cases,table.cases tbody,table.cases tr,table.cases td{display:block}table.cases thead{display:none}"
        + "table.cases tr{border:1px solid #dde1e6;border-radius:6px;margin:0 0 10px;padding:4px 0}table.cases td{border:0;padding:2px 10px}"
        + "table.cases td::before{content:attr(data-label) \"：\";color:#57606a}}"
        + "ul.places{padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:6px 14px}"
        + "footer{font-size:13px;color:#57606a}a{color:#0a58ca}";

    public static string Render(PageFrame frame, string main)
    {
        var html = new Html()
            .Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(frame.Title).Raw(" - ").Text(SiteName).Raw("</title>");
        if (frame.WithFeeds && frame.Place is { } feedPlace)
            html.Raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom\" href=\"").Text(PublicPaths.Feed(feedPlace.Code)).Raw("\">");
        html.Raw("<style>").Raw(Style).Raw("</style></head><body><header>");
        if (frame.Chain.Count > 0)
        {
            html.Raw("<nav class=\"crumbs\">");
            for (var i = 0; i < frame.Chain.Count; i++)
            {
                if (i > 0) html.Raw(" › ");
                var place = frame.Chain[i];
                if (frame.Place is not null && place.Code == frame.Place.Code && i == frame.Chain.Count - 1) html.Text(place.Name);
                else html.Link(PublicPaths.Jurisdiction(place.Code), place.Name);
            }
            html.Raw("</nav>");
        }
        html.Element("h1", frame.Place?.Name ?? frame.Title).Element("p", SiteName, "site").Raw("</header><main>").Raw(main).Raw("</main><footer>");
        if (frame.WithFeeds && frame.Place is { } place2)
            html.Raw("订阅本页：").Link(PublicPaths.Feed(place2.Code), "Atom").Raw(" · ").Link(PublicPaths.AnnouncementsJson(place2.Code), "公告JSON")
                .Raw(" · ").Link(PublicPaths.BulletinsJson(place2.Code), "通报JSON").Raw("<br>");
        html.Raw("本站内容由各级“263”办公室发布；公告更正均保留原版本并注明更正原因。</footer></body></html>");
        return html.ToString();
    }
}
