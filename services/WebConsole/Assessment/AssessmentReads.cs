using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Assessment;

/// <summary>
/// What a 考核 page read came to: the thing, or why there is none — the service does not show it to this person (404, the
/// page tells no one it exists elsewhere), or a rule says there is nothing to compute yet (no scheme in force), in the
/// rule's own words. A service that cannot be reached is not an answer here: it throws, and the page answers 503.
/// </summary>
public sealed record Read<T>(T? Value, bool NotShown, string? Refusal) where T : class;

public static class Read
{
    /// <summary>The thing, or "not shown" when a query answered null for one the service does not show this person.</summary>
    public static Read<T> Shown<T>(T? value) where T : class => value is null ? new Read<T>(null, true, null) : new Read<T>(value, false, null);

    public static async Task<Read<T>> TryAsync<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return Shown(await read());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return new Read<T>(null, true, null);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition)
        {
            return new Read<T>(null, false, ex.Status.Detail);
        }
    }
}

/// <summary>Names and levels the 考核 pages need from the tree.</summary>
public static class AssessmentPlaces
{
    /// <summary>The level that assesses <paramref name="code"/>: its parent, looking through grouping nodes (市辖区); null for a province.</summary>
    public static string? AssessingLevel(JurisdictionTree tree, string code)
    {
        foreach (var ancestor in tree.Ancestors(code))
            if (!SignedInPerson.IsGrouping(ancestor)) return ancestor.Code;
        return null;
    }

    /// <summary>A party as a ranking or a list names it: the place's own name, or the department with its place.</summary>
    public static string Party(JurisdictionTree tree, string code, string? department) =>
        string.IsNullOrEmpty(department) ? Name(tree, code) : department;

    public static string Name(JurisdictionTree tree, string code) => tree.Find(code)?.Name ?? code;

    /// <summary>The whole name, province first (江苏省苏州市吴中区), for headings.</summary>
    public static string FullName(JurisdictionTree tree, string code) => tree.Find(code) is null ? code : SignedInPerson.FullName(tree, code);
}
