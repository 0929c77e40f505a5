using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.PublicSite;

/// <summary>How the public site names places: from the jurisdiction tree, without its grouping nodes.</summary>
internal static class PlaceNames
{
    // Nodes that group counties under a province or municipality; nobody calls a place by them.
    private static readonly HashSet<string> Groupings = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    public static bool IsGrouping(Jurisdiction place) => Groupings.Contains(place.Name);

    /// <summary>From the province down to <paramref name="place"/>, groupings left out: 江苏省, 苏州市, 虎丘区.</summary>
    public static IReadOnlyList<Jurisdiction> Chain(JurisdictionTree tree, Jurisdiction place) =>
        [.. tree.Ancestors(place.Code).Reverse().Append(place).Where(j => !IsGrouping(j))];

    /// <summary>The name a notice uses: a county with the city (or province) above it — 苏州市虎丘区, 北京市东城区; a city or province alone.</summary>
    public static string Full(JurisdictionTree tree, Jurisdiction place)
    {
        var chain = Chain(tree, place);
        return place.Level == JurisdictionLevel.County && chain.Count >= 2 ? chain[^2].Name + chain[^1].Name : place.Name;
    }

    /// <summary>The 263 office that speaks for a level: 苏州市“263”办公室.</summary>
    public static string Office(JurisdictionTree tree, string code) =>
        tree.Find(code) is { } place ? Full(tree, place) + "“263”办公室" : code;
}
