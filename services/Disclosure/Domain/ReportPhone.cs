using System.Text.RegularExpressions;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// The inspection's report phone (举报电话), printed on the announcement for the public to dial: a landline with its area
/// code (0512-12345678, 010-12345678; the dash may be left out), a mobile (13912345678), a five-digit public hotline
/// (12369, 12345) or a 400/800 service number. Anything else is a typo the public would dial in vain.
/// </summary>
public static partial class ReportPhone
{
    public const string Expected = "must be a landline with its area code (0512-12345678), a mobile number (13912345678), a hotline such as 12369, or a 400/800 number";

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    // Area codes are 010, 02x (3 digits) or 0 + 3 digits; local numbers 7 or 8 digits. Mobiles start 13–19.
    [GeneratedRegex(@"^(?:0(?:10|2\d|[3-9]\d{2})-?[2-9]\d{6,7}|1[3-9]\d{9}|1\d{4}|[48]00-?\d{3}-?\d{4})$")]
    private static partial Regex Pattern();
}
