using System.Globalization;
using Ducha.BuildingBlocks;
using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Ducha.ErrorMapping;

/// <summary>Collects every violation of a request before refusing it, so the caller can fix them all at once.</summary>
public sealed partial class RequestValidator
{
    private readonly List<FieldViolation> _violations = [];

    public RequestValidator Require(bool condition, string field, string description)
    {
        if (!condition) _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public RequestValidator RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Require(false, field, "is required");
        return Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters");
    }

    public RequestValidator OptionalText(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters");

    /// <summary>A GB/T 2260 administrative division code: six digits.</summary>
    public RequestValidator RequireJurisdictionCode(string? value, string field = "jurisdiction_code")
    {
        if (string.IsNullOrWhiteSpace(value)) return Require(false, field, "is required");
        return Require(JurisdictionCodePattern().IsMatch(value), field, "must be a 6-digit GB/T 2260 code");
    }

    /// <summary>A proto enum set to a real value: neither its zero "unspecified" member nor a number it does not define.</summary>
    public RequestValidator RequireDefined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Require(Enum.IsDefined(value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0, field, EnumWireNames<TEnum>.OneOf);

    /// <summary>How a violation lists the names an enum field takes; the REST input check says it the same way.</summary>
    public static string OneOf(IEnumerable<string> names) => "must be one of " + string.Join(", ", names);

    /// <summary>The names callers see in the .proto and in JSON (CHANNEL_LETTER), not the generated C# names.</summary>
    public static IEnumerable<string> WireNames<TEnum>() where TEnum : struct, Enum => EnumWireNames<TEnum>.Names;

    // Read once per enum: RequireDefined passes its message on every call, valid or not, and reflecting the attributes each
    // time was a tenth of a CreateCase's CPU.
    private static class EnumWireNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => Convert.ToInt32(f.GetValue(null), CultureInfo.InvariantCulture) != 0)
            .Select(f => f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name)
            .ToArray();

        public static readonly string OneOf = RequestValidator.OneOf(Names);
    }

    /// <summary>An optional calendar date in the form yyyy-MM-dd; empty gives null.</summary>
    public RequestValidator OptionalDate(string? text, string field, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return this;
        var ok = DateOnly.TryParseExact(text, WireDates.Pattern, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var parsed);
        if (ok && !InputDates.Contains(parsed)) return Require(false, field, $"must be a date {InputDates.Range}");
        if (ok) date = parsed;
        return Require(ok, field, "must be a date in the form yyyy-MM-dd");
    }

    /// <summary>
    /// A required instant (google.protobuf.Timestamp) on a date <see cref="InputDates.Range"/> (UTC). The wire lets seconds
    /// and nanos take any value; ones no Timestamp can hold (nanos outside 0–999,999,999, seconds past year 9999) are the
    /// field's fault like any other value out of range, not the server's (<see cref="Timestamp.ToDateTimeOffset"/> throws).
    /// </summary>
    public RequestValidator RequireInstant(Timestamp? value, string field, out DateTimeOffset? instant)
    {
        instant = null;
        if (value is null) return Require(false, field, "is required");
        if (value.Nanos is < 0 or > 999_999_999) return Require(false, field, "must have nanos between 0 and 999999999");
        if (value.Seconds < EarliestInstant || value.Seconds > LatestInstant) return Require(false, field, $"must be an instant {InputDates.Range}");
        instant = value.ToDateTimeOffset();
        return this;
    }

    private static readonly long EarliestInstant =
        new DateTimeOffset(InputDates.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly long LatestInstant =
        new DateTimeOffset(InputDates.Latest.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The fields refused so far.</summary>
    public IReadOnlySet<string> Fields => _violations.Select(v => v.Field).ToHashSet();

    /// <summary>Adds violations found elsewhere (a domain's rules), so one answer names them all.</summary>
    public RequestValidator Add(IEnumerable<FieldViolation> violations)
    {
        _violations.AddRange(violations);
        return this;
    }

    /// <summary>Refuses with the violations in the order <paramref name="message"/> declares its fields, whoever found them.</summary>
    public void ThrowIfInvalid(MessageDescriptor message)
    {
        int Position(FieldViolation v) =>
            message.FindFieldByName(v.Field.Split('.', '[')[0]) is { } field ? message.Fields.InDeclarationOrder().IndexOf(field) : int.MaxValue;
        if (_violations.Count > 0) throw new RequestValidationException(_violations.OrderBy(Position).ToArray());
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new RequestValidationException(_violations.ToArray());
    }

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex JurisdictionCodePattern();
}
