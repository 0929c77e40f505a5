using System.Globalization;
using Ducha.BuildingBlocks;

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

    public override string ToString() => PagePosition.Encode(Version, ReceivedAtUtcTicks.ToString(CultureInfo.InvariantCulture), CaseId);

    public static bool TryParse(string text, out CasePageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, Version, out var ticks, out var id)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks) return false;
        token = new CasePageToken(utcTicks, id);
        return true;
    }
}
