using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Ducha.Disclosure.Application;

/// <summary>
/// Where the next page of a jurisdiction's cases starts: just after the last case shown, by the time it came in and its
/// id. A position rather than a count, so a case coming in while someone pages neither repeats nor hides another.
/// </summary>
public readonly record struct DisclosedCasePageToken(long ArrivedAtUtcTicks, string CaseId)
{
    private const string Version = "d1";

    public DateTimeOffset ArrivedAt => new(ArrivedAtUtcTicks, TimeSpan.Zero);

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{ArrivedAtUtcTicks}|{CaseId}")));

    public static bool TryParse(string text, out DisclosedCasePageToken token)
    {
        token = default;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts is not [Version, var ticks, var id] || id.Length is 0 or > 36
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks) return false;
        token = new DisclosedCasePageToken(utcTicks, id);
        return true;
    }
}
