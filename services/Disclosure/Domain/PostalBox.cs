using System.Text.RegularExpressions;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// The inspection's postal box (举报邮政信箱): "a postal box, with no address printed" (003 §六(三)). A box is a town and
/// a box number — 苏州市A001号邮政信箱, 北京市9119信箱 — so the text must end in 信箱 and must not read like a street
/// address: no street with a number (人民路88号), no house, building, unit or room number, no 小区 or 大厦. A box
/// number followed by 信箱 (A001号信箱) is what a box looks like and passes.
/// </summary>
public static partial class PostalBox
{
    public const int MaxLength = 50;

    /// <summary>Why <paramref name="text"/> is not a postal box, or null when it is one.</summary>
    public static string? Problem(string text)
    {
        if (!text.EndsWith("信箱", StringComparison.Ordinal))
            return "must be a postal box ending in 信箱, e.g. 苏州市A001号邮政信箱";
        if (LooksLikeAddress().IsMatch(text))
            return "must be a postal box, not a street address: no street, house, building or room number (003 §六(三))";
        return null;
    }

    [GeneratedRegex(
        @"(?:路|街|道|巷|弄|胡同|里)\s*[0-9０-９一二三四五六七八九十]"                        // a street followed by its number
        + @"|[0-9０-９一二三四五六七八九十百零〇]+\s*(?:号(?!\s*(?:邮政)?信箱)|弄|栋|幢|座|单元|室|楼|层)"  // a house, building, unit or room
        + @"|小区|大厦|号楼|门牌")]
    private static partial Regex LooksLikeAddress();
}
