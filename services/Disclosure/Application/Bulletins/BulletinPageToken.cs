using System.Globalization;
using Ducha.BuildingBlocks;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// Where the next page of a jurisdiction's bulletins starts: just after the last one shown, by its period and id. A
/// position rather than a count, so a draft the watch makes while someone pages neither repeats nor hides another.
/// </summary>
public readonly record struct BulletinPageToken(DateOnly PeriodStart, DateOnly PeriodEnd, string Id)
{
    private const string Version = "b1", DatePattern = "yyyyMMdd";

    public override string ToString() => PagePosition.Encode(Version,
        PeriodStart.ToString(DatePattern, CultureInfo.InvariantCulture) + PeriodEnd.ToString(DatePattern, CultureInfo.InvariantCulture), Id);

    public static bool TryParse(string text, out BulletinPageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, Version, out var key, out var id) || key.Length != 2 * DatePattern.Length
            || !DateOnly.TryParseExact(key[..DatePattern.Length], DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(key[DatePattern.Length..], DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)) return false;
        token = new BulletinPageToken(start, end, id);
        return true;
    }
}
