namespace Ducha.Identity;

/// <summary>The claims a Ducha token carries: where the caller sits in the tree and what they do there.</summary>
public static class DuchaClaims
{
    public const string Jurisdiction = "jurisdiction";
    public const string Level = "level";
    public const string Role = "role";
    /// <summary>The handling unit of a handler token: cases assigned to that unit are theirs to handle.</summary>
    public const string Unit = "unit";

    /// <summary>Roles of the work (DOMAIN.md §1): the 263 office, a handling unit, the supervisory organ, assessors, administrators.</summary>
    public static readonly string[] Roles = ["office", "handler", "discipline", "assessor", "admin"];
}
