using System.Collections.Frozen;
using System.Globalization;

namespace Ducha.Reference.Jurisdictions;

/// <summary>A province's extent in WGS84 degrees, margin included.</summary>
public sealed record ProvinceBox(string Prefix, string Name, double South, double North, double West, double East)
{
    public bool ContainsLatitude(double latitude) => latitude >= South && latitude <= North;
    public bool ContainsLongitude(double longitude) => longitude >= West && longitude <= East;

    /// <summary>"江苏省 (30.25°N to 35.83°N, 115.85°E to 122.45°E)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({South:0.##}°N to {North:0.##}°N, {West:0.##}°E to {East:0.##}°E)");
}

/// <summary>
/// Where each of the 31 provinces lies, so a complaint's coordinates can be checked against the jurisdiction it is filed
/// for: a case for 虎丘区 placed in Beijing (or at 0,0, what a client sends for "no coordinates") is a client's mistake,
/// and a map or a site visit would send staff to the wrong place.
/// <para>
/// Hand-entered: each province's extreme points (最东/最西/最南/最北端) as its own official overview states them
/// (the 地理位置 / 省情概况 pages of the provincial governments, e.g. 江苏 "东经116°18′–121°57′，北纬30°45′–35°20′"),
/// islands included, rounded outward to about 0.1°, then widened by <see cref="Margin"/> on every side. The margin
/// covers rounding, coordinates taken with GCJ-02 offsets (a few hundred metres) and a polluter just across the line
/// of a neighbouring province; the check catches wrong provinces and wrong hemispheres, not wrong counties.
/// 海南 includes the South China Sea islands it administers (三沙市, south to 曾母暗沙 about 3.9°N).
/// </para>
/// </summary>
public static class ProvinceBounds
{
    public const double Margin = 0.5;

    // Prefix (GB/T 2260), name, south, north, west, east: the extreme points, before the margin.
    private static readonly (string Prefix, string Name, double South, double North, double West, double East)[] Extremes =
    [
        ("11", "北京市", 39.4, 41.1, 115.4, 117.5),
        ("12", "天津市", 38.5, 40.3, 116.7, 118.1),
        ("13", "河北省", 36.0, 42.7, 113.4, 119.9),
        ("14", "山西省", 34.5, 40.8, 110.2, 114.6),
        ("15", "内蒙古自治区", 37.4, 53.4, 97.2, 126.1),
        ("21", "辽宁省", 38.7, 43.5, 118.8, 125.8),
        ("22", "吉林省", 40.8, 46.3, 121.6, 131.4),
        ("23", "黑龙江省", 43.4, 53.6, 121.1, 135.1),
        ("31", "上海市", 30.6, 31.9, 120.8, 122.3),
        ("32", "江苏省", 30.7, 35.4, 116.3, 122.0),
        ("33", "浙江省", 27.0, 31.2, 118.0, 123.2),
        ("34", "安徽省", 29.4, 34.7, 114.8, 119.7),
        ("35", "福建省", 23.5, 28.4, 115.8, 120.8),
        ("36", "江西省", 24.4, 30.1, 113.5, 118.5),
        ("37", "山东省", 34.3, 38.4, 114.7, 122.8),
        ("41", "河南省", 31.3, 36.4, 110.3, 116.7),
        ("42", "湖北省", 29.0, 33.3, 108.3, 116.2),
        ("43", "湖南省", 24.6, 30.2, 108.7, 114.3),
        ("44", "广东省", 20.2, 25.6, 109.6, 117.4),
        ("45", "广西壮族自治区", 20.9, 26.4, 104.4, 112.1),
        ("46", "海南省", 3.8, 20.2, 108.6, 117.9),
        ("50", "重庆市", 28.1, 32.3, 105.2, 110.2),
        ("51", "四川省", 26.0, 34.4, 97.3, 108.6),
        ("52", "贵州省", 24.6, 29.3, 103.6, 109.6),
        ("53", "云南省", 21.1, 29.3, 97.5, 106.2),
        ("54", "西藏自治区", 26.8, 36.9, 78.4, 99.2),
        ("61", "陕西省", 31.7, 39.6, 105.4, 111.3),
        ("62", "甘肃省", 32.3, 43.0, 92.2, 108.8),
        ("63", "青海省", 31.6, 39.3, 89.5, 103.1),
        ("64", "宁夏回族自治区", 35.2, 39.4, 104.2, 107.7),
        ("65", "新疆维吾尔自治区", 34.3, 49.2, 73.4, 96.4),
    ];

    private static readonly FrozenDictionary<string, ProvinceBox> ByPrefix = Extremes.ToFrozenDictionary(
        p => p.Prefix, p => new ProvinceBox(p.Prefix, p.Name, p.South - Margin, p.North + Margin, p.West - Margin, p.East + Margin));

    public static IReadOnlyCollection<ProvinceBox> All => ByPrefix.Values;

    /// <summary>The box of the province a GB/T 2260 code belongs to (its first two digits), or null for no known province.</summary>
    public static ProvinceBox? Of(string? jurisdictionCode) =>
        jurisdictionCode is { Length: >= 2 } && ByPrefix.TryGetValue(jurisdictionCode[..2], out var box) ? box : null;
}
