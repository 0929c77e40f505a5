using System.Text.RegularExpressions;

namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>
/// What the checks before publication found: fields whose text carries a case's sealed reporter values (as Cases
/// answers, without ever telling them) or looks like a mobile number or an ID-card number. Any hit refuses publication,
/// naming the fields, because a public record cannot be taken back.
/// </summary>
public sealed partial record RedactionVerdict(IReadOnlyList<string> ReporterFields, IReadOnlyList<string> PatternFields)
{
    public static RedactionVerdict Clean { get; } = new([], []);

    public void ThrowIfHit()
    {
        var fields = ReporterFields.Concat(PatternFields).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (fields.Count > 0)
            throw new DomainRuleException("The bulletin would disclose a reporter's identity or personal numbers; correct the case text first.", [.. fields]);
    }

    /// <summary>The fields of <paramref name="texts"/> (name → text) that contain a mainland mobile number or an ID-card number.</summary>
    public static IReadOnlyList<string> ScanPatterns(IReadOnlyDictionary<string, string> texts) =>
        [.. texts.Where(t => MobileNumber().IsMatch(t.Value) || IdCardNumber().IsMatch(t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal)];

    // 11 digits starting 13–19, written plain or with the usual separators (138-1234-5678, 138 1234 5678).
    [GeneratedRegex(@"(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")]
    private static partial Regex MobileNumber();

    // 18 characters: 6-digit area, birth date 19xx/20xx, sequence, check digit or X.
    [GeneratedRegex(@"(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)")]
    private static partial Regex IdCardNumber();
}
