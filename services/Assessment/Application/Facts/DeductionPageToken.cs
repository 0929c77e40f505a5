using System.Globalization;

namespace Ducha.Assessment.Application.Facts;

/// <summary>
/// Where the next page of a party's deductions starts: just after the last one shown, by when it happened and its row.
/// A position rather than a count, so a deduction recorded while someone pages neither repeats nor hides another.
/// </summary>
public readonly record struct DeductionPageToken(long OccurredAtUtcTicks, long Id)
{
    private const string Version = "dd1";

    public override string ToString() => PagePosition.Encode(Version, OccurredAtUtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(string text, out DeductionPageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, Version, out var ticks, out var id)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var row)) return false;
        token = new DeductionPageToken(utcTicks, row);
        return true;
    }
}
