using System.Globalization;

namespace Ducha.WebConsole.Calls;

/// <summary>A calendar day as the services write it (gRPC, REST, the console's own links): <c>yyyy-MM-dd</c>, a Beijing date.</summary>
public static class WireDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The day <paramref name="text"/> writes, or null when it writes none (empty, or not in the pattern).</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
