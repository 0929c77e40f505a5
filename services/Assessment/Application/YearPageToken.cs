using System.Globalization;

namespace Ducha.Assessment.Application;

/// <summary>
/// Where the next page of a list ordered by year (latest first) and id starts: just after the last row shown. A position
/// rather than a count, so a row filed while someone pages neither repeats nor hides another. Each list has its own
/// <see cref="List"/>, so a token of one is refused by the other.
/// </summary>
public readonly record struct YearPageToken(string List, int Year, string Id)
{
    public const string Schemes = "schemes1", Measurements = "measurements1";

    public override string ToString() => PagePosition.Encode(List, Year.ToString(CultureInfo.InvariantCulture), Id);

    public static bool TryParse(string text, string list, out YearPageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, list, out var key, out var id) || key.Length != 4
            || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        token = new YearPageToken(list, year, id);
        return true;
    }
}
