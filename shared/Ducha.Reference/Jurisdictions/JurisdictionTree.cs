using System.Collections.Frozen;
using System.Text.Json;

namespace Ducha.Reference.Jurisdictions;

/// <summary>
/// The province → city → county tree of the whole country. Subtree membership compares code prefixes, so it costs
/// the same however deep or wide the tree is.
/// </summary>
public sealed class JurisdictionTree
{
    private readonly FrozenDictionary<string, Jurisdiction> _byCode;
    private readonly FrozenDictionary<string, Jurisdiction[]> _children;
    private readonly ILookup<string, Jurisdiction> _byName;

    public JurisdictionTree(IEnumerable<Jurisdiction> jurisdictions, string source)
    {
        var all = jurisdictions.ToList();
        _byCode = all.ToFrozenDictionary(j => j.Code);
        _children = all.Where(j => j.ParentCode is not null)
            .GroupBy(j => j.ParentCode!)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(j => j.Code, StringComparer.Ordinal).ToArray());
        _byName = all.ToLookup(j => j.Name);
        Source = source;
    }

    /// <summary>Where the data came from (dataset and version).</summary>
    public string Source { get; }
    public int Count => _byCode.Count;
    public IEnumerable<Jurisdiction> Provinces => _byCode.Values.Where(j => j.Level == JurisdictionLevel.Province).OrderBy(j => j.Code, StringComparer.Ordinal);

    public Jurisdiction? Find(string code) => _byCode.GetValueOrDefault(code);

    public Jurisdiction Get(string code) => Find(code) ?? throw new KeyNotFoundException($"No jurisdiction has code '{code}'.");

    /// <summary>Every jurisdiction with this name (names repeat across provinces, e.g. 朝阳区).</summary>
    public IReadOnlyList<Jurisdiction> FindByName(string name) => _byName[name].ToList();

    public IReadOnlyList<Jurisdiction> Children(string code) => _children.GetValueOrDefault(code) ?? [];

    public Jurisdiction? Parent(string code) => Get(code).ParentCode is { } parent ? Get(parent) : null;

    /// <summary>From the parent up to the province.</summary>
    public IReadOnlyList<Jurisdiction> Ancestors(string code)
    {
        var result = new List<Jurisdiction>();
        for (var node = Parent(code); node is not null; node = node.ParentCode is { } p ? Get(p) : null) result.Add(node);
        return result;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorCode"/> itself or lies below it.</summary>
    public bool IsWithin(string code, string ancestorCode)
    {
        if (!_byCode.TryGetValue(ancestorCode, out var ancestor) || !_byCode.TryGetValue(code, out var node)) return false;
        return node.Level >= ancestor.Level
            && string.CompareOrdinal(node.Code, 0, ancestor.Code, 0, ancestor.PrefixLength) == 0;
    }

    /// <summary>The tree shipped with Ducha (see tools/reference-data).</summary>
    public static JurisdictionTree LoadEmbedded()
    {
        using var stream = typeof(JurisdictionTree).Assembly.GetManifestResourceStream("Ducha.Reference.jurisdictions.json")
            ?? throw new InvalidOperationException("The embedded jurisdiction data is missing.");
        using var document = JsonDocument.Parse(stream);
        var rows = document.RootElement.GetProperty("jurisdictions").EnumerateArray().Select(row => new Jurisdiction(
            row[0].GetString()!, row[1].GetString()!, (JurisdictionLevel)row[2].GetInt32(),
            row[3].ValueKind == JsonValueKind.Null ? null : row[3].GetString()));
        return new JurisdictionTree(rows, document.RootElement.GetProperty("source").GetString()!);
    }
}
