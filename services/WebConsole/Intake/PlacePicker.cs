using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Intake;

/// <summary>
/// Where a complaint is, picked down the tree without script: the path from the office's own jurisdiction to the place
/// chosen so far, and the places directly below it (grouping nodes such as 市辖区 skipped), re-posted one level at a time.
/// </summary>
public sealed class PlacePicker(JurisdictionTree tree, string root)
{
    /// <summary>The posted place when it lies within the office's reach; otherwise the office's own jurisdiction.</summary>
    public Jurisdiction Current(string? posted) =>
        posted is { Length: > 0 } code && tree.Find(code) is { } place && tree.IsWithin(place.Code, root) && !SignedInPerson.IsGrouping(place)
            ? place : tree.Get(root);

    public bool IsWithinReach(string? posted) => posted is { Length: > 0 } code && Current(code).Code == code;

    /// <summary>From the office's own jurisdiction down to <paramref name="current"/>.</summary>
    public IReadOnlyList<Jurisdiction> PathTo(Jurisdiction current) =>
        [.. tree.Ancestors(current.Code).Reverse().Append(current)
            .Where(j => tree.IsWithin(j.Code, root) && !SignedInPerson.IsGrouping(j))];

    public IReadOnlyList<Jurisdiction> Below(Jurisdiction current) => Children(tree, current.Code);

    public string FullName(Jurisdiction place) => SignedInPerson.FullName(tree, place.Code);

    /// <summary>The places directly under <paramref name="code"/>, looking through grouping nodes to the places they group.</summary>
    public static IReadOnlyList<Jurisdiction> Children(JurisdictionTree tree, string code) =>
        [.. tree.Children(code).SelectMany(c => SignedInPerson.IsGrouping(c) ? tree.Children(c.Code) : [c])];
}
