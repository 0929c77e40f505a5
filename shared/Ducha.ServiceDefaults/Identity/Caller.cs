using System.Security.Claims;

namespace Ducha.ServiceDefaults.Identity;

/// <summary>Who is calling, as their token says.</summary>
public sealed record Caller(string Subject, string JurisdictionCode, string Level, string Role)
{
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var jurisdiction = user.FindFirstValue(DuchaClaims.Jurisdiction);
        if (string.IsNullOrEmpty(jurisdiction)) return null;
        return new Caller(user.FindFirstValue("sub") ?? "?", jurisdiction,
            user.FindFirstValue(DuchaClaims.Level) ?? "?", user.FindFirstValue(DuchaClaims.Role) ?? "?");
    }

    public override string ToString() => $"{Subject} ({Role} at {JurisdictionCode})";
}
