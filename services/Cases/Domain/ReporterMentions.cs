namespace Ducha.Cases.Domain;

/// <summary>
/// Whether a text carries a value of the case's reporter — the name, the phone or the address — as someone may have typed
/// it into findings or a description by mistake (§8: no reporter identity in any public artefact). Texts and values are
/// compared without spaces and the separators people type into numbers and addresses, so "138 0013-8000" is the phone
/// 13800138000; a phone is also found without its +86 country code. Values too short to tell a person apart (a
/// one-character name, a phone or address under four characters) are not looked for: they would flag half the texts.
/// </summary>
public static class ReporterMentions
{
    private const int MinimumLength = 4, MinimumNameLength = 2;
    private static readonly char[] Separators = [' ', '\u3000', '\t', '\r', '\n', '-', '–', '—', '·', '.', '(', ')', '（', '）', '/', ','];

    public static bool IsMentionedIn(this ReporterIdentity reporter, string text)
    {
        var compact = Compact(text);
        return Contains(compact, Compact(reporter.Name), MinimumNameLength)
            || Contains(compact, Compact(reporter.Address), MinimumLength)
            || Phones(reporter.Phone).Any(phone => Contains(compact, phone, MinimumLength));
    }

    private static bool Contains(string compactText, string value, int minimumLength) =>
        value.Length >= minimumLength && compactText.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The phone as written, without separators, and without its country code (+86 / 0086).</summary>
    private static IEnumerable<string> Phones(string? phone)
    {
        var compact = Compact(phone).TrimStart('+');
        yield return compact;
        if (compact.StartsWith("0086", StringComparison.Ordinal)) yield return compact[4..];
        else if (compact.StartsWith("86", StringComparison.Ordinal) && compact.Length > 11) yield return compact[2..];
    }

    private static string Compact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Concat(text.Split(Separators, StringSplitOptions.RemoveEmptyEntries));
}
