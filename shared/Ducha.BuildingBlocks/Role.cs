namespace Ducha.BuildingBlocks;

/// <summary>
/// What a person (or a service) does in the work, as its token says. Each operation names the roles that may call it;
/// a token without one of these is refused.
/// </summary>
public enum Role
{
    /// <summary>The 263 office of a level (办公室): receives, assigns, supervises, verifies and closes.</summary>
    Office = 1,
    /// <summary>Staff of a handling unit (a department or lower office) that cases are assigned to.</summary>
    Handler,
    /// <summary>The supervisory organ (纪检监察): accountability and the clues referred to it.</summary>
    Discipline,
    /// <summary>The organization department (组织部): secondment of cadres.</summary>
    Organization,
    /// <summary>Staff of a lead department for a special assessment (专项考核牵头部门).</summary>
    LeadDepartment,
    /// <summary>Assessors of the annual assessment.</summary>
    Assessor,
    /// <summary>A member of an inspection working group (督查工作组).</summary>
    InspectionTeam,
    /// <summary>Administrators of the deployment.</summary>
    Admin,
    /// <summary>Another Ducha service calling on behalf of someone; never a person.</summary>
    Service,
}

/// <summary>The names roles carry in tokens and in the history (<c>office</c>, <c>lead_department</c>, …).</summary>
public static class Roles
{
    private static readonly Dictionary<Role, string> Names = new()
    {
        [Role.Office] = "office",
        [Role.Handler] = "handler",
        [Role.Discipline] = "discipline",
        [Role.Organization] = "organization",
        [Role.LeadDepartment] = "lead_department",
        [Role.Assessor] = "assessor",
        [Role.InspectionTeam] = "inspection_team",
        [Role.Admin] = "admin",
        [Role.Service] = "service",
    };

    private static readonly Dictionary<string, Role> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every role name a token may carry.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static string Name(this Role role) => Names[role];

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? string.Empty, out role);
}
