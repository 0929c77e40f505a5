using System.Security.Claims;

namespace Ducha.Identity;

/// <summary>Who is calling, as their token says.</summary>
/// <param name="Unit">The handling unit (a department or lower office, e.g. 吴中区生态环境局) a handler works for; null for offices.</param>
public sealed record Caller(string Subject, string JurisdictionCode, string Level, string Role, string? Unit = null)
{
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var jurisdiction = user.FindFirstValue(DuchaClaims.Jurisdiction);
        if (string.IsNullOrEmpty(jurisdiction)) return null;
        return new Caller(user.FindFirstValue("sub") ?? "?", jurisdiction,
            user.FindFirstValue(DuchaClaims.Level) ?? "?", user.FindFirstValue(DuchaClaims.Role) ?? "?",
            user.FindFirstValue(DuchaClaims.Unit) is { Length: > 0 } unit ? unit : null);
    }

    public override string ToString() => Unit is null ? $"{Subject} ({Role} at {JurisdictionCode})" : $"{Subject} ({Role} of {Unit} at {JurisdictionCode})";
}
