using Ducha.Disclosure.Application;

namespace Ducha.Disclosure.PublicSite;

/// <summary>The public site's 404: in Chinese, in the same layout, the same for every miss so it is rendered once.</summary>
internal static class NotFoundPage
{
    public static readonly PublicRepresentation Representation = PublicRepresentation.Of(
        PublicLayout.Render(new PageFrame("页面不存在", null, []),
            new Html().Element("h2", "页面不存在")
                .Element("p", "您访问的地区代码或公告不存在，请核对地址。地区代码为六位行政区划代码，例如江苏省苏州市虎丘区为 320505，"
                    + "其页面地址为 " + PublicPaths.Jurisdiction("320505") + "。").ToString()),
        PublicRepresentation.HtmlType, statusCode: 404);
}
