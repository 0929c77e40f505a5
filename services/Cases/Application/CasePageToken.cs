using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Ducha.Cases.Application;

/// <summary>
/// Where the next page of the newest-first list starts: just after the last case shown, by its receipt time and id.
/// A position, not a count, so complaints received while someone pages neither repeat a case nor push one out of sight,
/// and a deep page costs no more than the first.
/// </summary>
public readonly record struct CasePageToken(long ReceivedAtUtcTicks, string CaseId)
{
    private const string Version = "c1";

    public DateTimeOffset ReceivedAt => new(ReceivedAtUtcTicks, TimeSpan.Zero);

    public static CasePageToken After(Domain.Case last) => new(last.ReceivedAt.UtcTicks, last.Id);

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{ReceivedAtUtcTicks}|{CaseId}")));

    public static bool TryParse(string text, out CasePageToken token)
    {
        token = default;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts is not [Version, var ticks, var id] || id.Length is 0 or > 36
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks) return false;
        token = new CasePageToken(utcTicks, id);
        return true;
    }
}
