using System.Security.Claims;
using Ducha.BuildingBlocks;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;

namespace Ducha.WebConsole.Sessions;

/// <summary>Who is signed in and where, as every page shows it: 江苏省苏州市吴中区 · 办公室 · 张三.</summary>
public sealed record SignedInPerson(string DisplayName, string JurisdictionCode, string Place, Role Role, string? Unit)
{
    public string RoleName => Role switch
    {
        Role.Office => "办公室",
        Role.Handler => "承办单位",
        Role.Discipline => "纪检监察",
        Role.Organization => "组织部门",
        Role.LeadDepartment => "牵头部门",
        Role.Assessor => "考核人员",
        Role.InspectionTeam => "督查工作组",
        _ => Role.Name(),
    };

    /// <summary>The party whose list 待办 shows: the unit for its staff, the office of the place for everyone else.</summary>
    public string Holder => Unit ?? $"{Place}263办公室";

    public static SignedInPerson? From(ClaimsPrincipal? user, JurisdictionTree tree)
    {
        if (ClaimsActor.From(user) is not { } actor || tree.Find(actor.JurisdictionCode) is null) return null;
        var name = user!.FindFirstValue(ConsoleSignIn.NameClaim) is { Length: > 0 } n ? n : actor.Subject;
        return new SignedInPerson(name, actor.JurisdictionCode, FullName(tree, actor.JurisdictionCode), actor.Role, actor.Unit);
    }

    /// <summary>The names from the province down, without grouping nodes (市辖区) that are no place of their own.</summary>
    public static string FullName(JurisdictionTree tree, string code) =>
        string.Concat(tree.Ancestors(code).Reverse().Append(tree.Get(code)).Where(j => !IsGrouping(j)).Select(j => j.Name));

    public static bool IsGrouping(Jurisdiction j) => j.Name is "市辖区" or "县" || j.Name.EndsWith("直辖县级行政区划", StringComparison.Ordinal);
}
