using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Domain.Draws;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>A 双随机 draw as published: commitment first, the pairs and how to check them once revealed.</summary>
internal static class DrawPage
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly string[] Headers = ["序号", "检查对象", "所在地", "风险等级", "检查组", "检查人员（姓名、单位）", "检查结果"];

    public static string Render(JurisdictionTree tree, Jurisdiction place, PublishedDraw draw)
    {
        var title = $"{PlaceNames.Full(tree, place)}“双随机、一公开”抽查（{draw.Round}）";
        var html = new Html().Element("h2", title);
        html.Element("p", $"抽取时间：{Reference.Calendar.BeijingTime.DateOf(draw.DrawnAt):yyyy年M月d日}；抽取检查对象 {draw.Targets} 个，"
            + $"检查组 {draw.Teams} 个，每组 {draw.TeamSize} 人。", "meta");
        if (draw.ReplacesDrawId is not null)
            html.Raw("<p class=\"meta\">").Text($"本次为重新抽取，理由：{draw.RedrawReason}；原抽取记录：").Link($"{PublicPaths.Root}/draws/{draw.ReplacesDrawId}", draw.ReplacesDrawId).Raw("</p>");
        html.Raw("<p class=\"meta\">").Text("承诺值（抽取时公布）：").Raw("<code>").Text(draw.Commitment).Raw("</code></p>");
        if (!draw.Revealed)
        {
            html.Element("p", "抽取结果将在检查结束后连同随机种子一并公开。为防止提前泄露检查对象，现仅公布承诺值。", "meta");
        }
        else
        {
            html.Raw("<p class=\"meta\">").Text("随机种子：").Raw("<code>").Text(draw.Seed!).Raw("</code></p>");
            html.Raw("<p class=\"meta\">").Text("输入哈希：").Raw("<code>").Text(draw.InputsHash!).Raw("</code></p>");
            html.Raw("<div class=\"scroll\"><table class=\"cases\"><thead><tr>");
            foreach (var header in Headers) html.Element("th", header);
            html.Raw("</tr></thead><tbody>");
            var n = 0;
            foreach (var p in draw.Pairs)
            {
                var where = tree.Find(p.TargetJurisdictionCode) is { } j ? PlaceNames.Full(tree, j) : p.TargetJurisdictionCode;
                string[] row = [(++n).ToString(System.Globalization.CultureInfo.InvariantCulture), p.TargetName, where, RiskInChinese(p.Risk),
                    $"第{p.Team}组", string.Join("；", p.Inspectors.Select(i => $"{i.Name}（{i.Unit}）")), p.Findings];
                html.Raw("<tr>");
                for (var i = 0; i < row.Length; i++) html.Raw("<td data-label=\"").Text(Headers[i]).Raw("\">").Text(row[i]).Raw("</td>");
                html.Raw("</tr>");
            }
            html.Raw("</tbody></table></div>");
            html.Raw("<p class=\"meta\">").Text("抽取所用输入（规范格式）：").Raw("<code>").Text(draw.InputsJson!).Raw("</code></p>");
        }

        html.Element("p", "如何核验：承诺值 = SHA-256(随机种子 + 输入哈希)，输入哈希 = SHA-256(规范格式的输入)，均为小写十六进制；"
            + "按公开的抽取规程（ducha-draw-v1）以随机种子重新计算，可得到相同的检查对象和检查组。", "meta");
        html.Raw("<p class=\"meta\">").Link($"{PublicPaths.Root}/draws/{draw.Id}.json", "JSON").Raw("</p>");
        return PublicLayout.Render(new PageFrame(title, place, PlaceNames.Chain(tree, place)), html.ToString());
    }

    public static byte[] Json(PublishedDraw draw)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", draw.Id);
            json.WriteString("jurisdictionCode", draw.JurisdictionCode);
            json.WriteString("round", draw.Round);
            json.WriteNumber("targets", draw.Targets);
            json.WriteNumber("teams", draw.Teams);
            json.WriteNumber("teamSize", draw.TeamSize);
            json.WriteString("commitment", draw.Commitment);
            json.WriteString("drawnAt", draw.DrawnAt);
            if (draw.ReplacesDrawId is not null)
            {
                json.WriteString("replacesDrawId", draw.ReplacesDrawId);
                json.WriteString("redrawReason", draw.RedrawReason);
            }
            json.WriteBoolean("revealed", draw.Revealed);
            if (draw.Revealed)
            {
                json.WriteString("seed", draw.Seed);
                json.WriteString("inputsHash", draw.InputsHash);
                json.WriteString("inputs", draw.InputsJson);
                json.WriteStartArray("pairs");
                foreach (var p in draw.Pairs)
                {
                    json.WriteStartObject();
                    json.WriteString("targetName", p.TargetName);
                    json.WriteString("targetJurisdictionCode", p.TargetJurisdictionCode);
                    json.WriteString("risk", p.Risk);
                    json.WriteNumber("team", p.Team);
                    json.WriteStartArray("inspectors");
                    foreach (var i in p.Inspectors)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", i.Name);
                        json.WriteString("unit", i.Unit);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteString("findings", p.Findings);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string RiskInChinese(string risk) => risk switch { "HIGH" => "高", "MEDIUM" => "中", "LOW" => "低", _ => risk };
}
