using System.Globalization;

namespace Ducha.ErrorMapping;

/// <summary>A calendar day on the wire (gRPC, REST): <c>yyyy-MM-dd</c>, a Beijing date, read and written one way.</summary>
public static class WireDates
{
    public const string Pattern = "yyyy-MM-dd";

    public static string ToWire(this DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string ToWire(this DateOnly? date) => date?.ToWire() ?? string.Empty;
}
