using System.Globalization;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// When the report phone is answered each day (每天接听电话的具体时间): 08:00–20:00 unless the announcement says otherwise
/// (001 §二(一)1). Written <c>HH:mm-HH:mm</c>; the end comes after the start on the same day.
/// </summary>
public readonly record struct PhoneHours(TimeOnly From, TimeOnly To)
{
    public static readonly PhoneHours Default = new(new TimeOnly(8, 0), new TimeOnly(20, 0));

    public const string Expected = "must be HH:mm-HH:mm with the end after the start, e.g. 08:00-20:00";

    public static bool TryParse(string? text, out PhoneHours hours)
    {
        hours = default;
        var parts = text?.Split('-') ?? [];
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to <= from)
            return false;
        hours = new PhoneHours(from, to);
        return true;
    }

    public override string ToString() => $"{From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{To.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
