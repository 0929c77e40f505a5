using System.Globalization;
using Ducha.BuildingBlocks;

namespace Ducha.Disclosure.Application;

/// <summary>
/// Where the next page of a jurisdiction's cases starts: just after the last case shown, by the time it came in and its
/// id. A position rather than a count, so a case coming in while someone pages neither repeats nor hides another.
/// </summary>
public readonly record struct DisclosedCasePageToken(long ArrivedAtUtcTicks, string CaseId)
{
    private const string Version = "d1";

    public DateTimeOffset ArrivedAt => new(ArrivedAtUtcTicks, TimeSpan.Zero);

    public override string ToString() => PagePosition.Encode(Version, ArrivedAtUtcTicks.ToString(CultureInfo.InvariantCulture), CaseId);

    public static bool TryParse(string text, out DisclosedCasePageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, Version, out var ticks, out var id)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks) return false;
        token = new DisclosedCasePageToken(utcTicks, id);
        return true;
    }
}
