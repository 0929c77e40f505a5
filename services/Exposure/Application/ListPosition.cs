using Ducha.BuildingBlocks;

namespace Ducha.Exposure.Application;

/// <summary>
/// Where the next page of one of the exposure lists starts: the ordering key of the last row shown (a date, or none) and
/// its id. A position rather than a count, so a row filed while someone pages neither repeats nor hides another; each
/// list has a version of its own, so a token of one list is no token of another.
/// </summary>
public readonly record struct ListPosition(string Key, string Id)
{
    public const string Columns = "xc1", Exposures = "xe1", Programmes = "xp1", OpenFollowUps = "xf1", CompletedFollowUps = "xg1";

    /// <summary>The key of lists ordered by id alone.</summary>
    public const string NoKey = "-";

    public string ToToken(string list) => PagePosition.Encode(list, Key, Id);

    public static bool TryParse(string list, string text, out ListPosition position)
    {
        position = default;
        if (!PagePosition.TryDecode(text, list, out var key, out var id)) return false;
        position = new ListPosition(key, id);
        return true;
    }

    /// <summary>The date a position of a date-ordered list carries; null when the key is none.</summary>
    public DateOnly? Date => DateOnly.TryParseExact(Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
