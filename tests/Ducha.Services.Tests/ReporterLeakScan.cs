using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ducha.Services.Tests;

/// <summary>
/// Looks for reporters in what the public can read: each given reporter value, and anything shaped like a mobile or an
/// ID-card number, however the text was encoded on its way out — HTML or XML entities, percent-encoding, JSON
/// <c>\u</c> escapes, full-width digits, spaces or dashes inside a number. The one number the public may read is
/// <paramref name="allowedPhone"/>, the inspection's own report phone.
/// </summary>
internal sealed partial class ReporterLeakScan(IEnumerable<string> reporterValues, string allowedPhone)
{
    private readonly List<string> _values = [.. reporterValues.Where(v => v.Length > 0).Select(Squeezed).Distinct(StringComparer.Ordinal)];
    private readonly string _allowed = Squeezed(allowedPhone);

    /// <summary>What <paramref name="text"/> (from <paramref name="source"/>) gives away, one line per finding; empty when nothing.</summary>
    public IReadOnlyList<string> Find(string source, string text)
    {
        var readable = Decoded(text);
        var squeezed = Squeezed(readable);
        var found = _values.Where(v => squeezed.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{source}: reporter value {v}").ToList();
        // Ids, hashes and trace ids are hex: an 11-digit run inside one is chance, not a phone.
        var numbers = LongHex().Replace(Guid().Replace(readable, " "), " ");
        numbers = CountryCode().Replace(DigitSeparators().Replace(numbers, ""), " ");
        numbers = Regex.Replace(numbers, $@"(?<!\d){Regex.Escape(_allowed)}(?!\d)", " ");
        found.AddRange(Mobile().Matches(numbers).Select(m => $"{source}: mobile number {m.Value} in …{Around(numbers, m)}…"));
        found.AddRange(IdCard().Matches(numbers).Select(m => $"{source}: ID-card number {m.Value} in …{Around(numbers, m)}…"));
        return found;
    }

    /// <summary>Everything <paramref name="documents"/> (source → text) give away.</summary>
    public IReadOnlyList<string> Find(IEnumerable<KeyValuePair<string, string>> documents) => [.. documents.SelectMany(d => Find(d.Key, d.Value))];

    /// <summary>
    /// The text as a reader sees it: undone until nothing changes, since a value may be escaped twice over (HTML inside
    /// an Atom feed, JSON inside an event).
    /// </summary>
    public static string Decoded(string text)
    {
        for (var round = 0; round < 4; round++)
        {
            var next = JsonEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            next = WebUtility.HtmlDecode(next);
            next = PercentRun().Replace(next, m => Uri.UnescapeDataString(m.Value));
            if (next == text) break;
            text = next;
        }
        return text.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Without whitespace or dashes: 钱 多 多 and 139-1234-5678 read as the values they are.</summary>
    private static string Squeezed(string text) => Spacing().Replace(text.Normalize(NormalizationForm.FormKC), "");

    private static string Around(string text, Match m) =>
        text[Math.Max(0, m.Index - 20)..Math.Min(text.Length, m.Index + m.Length + 20)].ReplaceLineEndings(" ");

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("(?:%[0-9A-Fa-f]{2})+")]
    private static partial Regex PercentRun();

    [GeneratedRegex(@"[\s\-‐‑–—]+")]
    private static partial Regex Spacing();

    // Within a line only: a row ending in a digit is no phone with the next row's first digits.
    [GeneratedRegex(@"(?<=\d)[ \t\-‐‑–—]+(?=\d)")]
    private static partial Regex DigitSeparators();

    [GeneratedRegex(@"(?:\+|(?<!\d)00)86(?=1[3-9]\d{9}(?!\d))")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<![0-9a-fA-F])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{16,}(?![0-9a-fA-F])")]
    private static partial Regex LongHex();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();
}
