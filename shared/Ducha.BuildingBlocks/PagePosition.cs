using System.Buffers.Text;
using System.Text;

namespace Ducha.BuildingBlocks;

/// <summary>
/// The text of a page token: a version, the ordering key of the last row shown and its id, as opaque base64url, so a
/// list pages by position — rows added while someone pages neither repeat nor hide another, and a deep page costs no
/// more than the first. Each list's token says what its key is; a token of another list (another version) is refused.
/// </summary>
public static class PagePosition
{
    public static string Encode(string version, string key, string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{version}|{key}|{id}"));

    /// <summary>The key and id of a token this list issued (its <paramref name="version"/>, an id of 1 to 36 characters).</summary>
    public static bool TryDecode(string text, string version, out string key, out string id)
    {
        (key, id) = ("", "");
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 3 || parts[0] != version || parts[2].Length is 0 or > 36) return false;
        (key, id) = (parts[1], parts[2]);
        return true;
    }
}
