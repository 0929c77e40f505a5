using System.Text.RegularExpressions;

namespace Ducha.Secondment.Domain;

/// <summary>An enum value as events carry it: the proto's value name without its prefix (PetitionSupervision → PETITION_SUPERVISION).</summary>
public static partial class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Words().Replace(value.ToString(), "$1_$2").ToUpperInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
