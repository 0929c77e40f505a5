using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>
/// The departments every level of government has and environmental complaints are handed to, named as that
/// jurisdiction's units: 虎丘区生态环境局, 苏州市生态环境局, 江苏省生态环境厅. Computed, never stored: a jurisdiction's
/// register starts from these, and its office only adds (乡镇、街道、开发区管委会 …) and retires.
/// </summary>
public static class UnitTemplate
{
    /// <summary>A department as a city or county names it, and as a province does (厅 for 局), or null where a province has none.</summary>
    private static readonly (string Local, string? Province)[] Departments =
    [
        ("生态环境局", "生态环境厅"),
        ("住房和城乡建设局", "住房和城乡建设厅"),
        ("自然资源和规划局", "自然资源厅"),
        ("水务局", "水利厅"),
        ("农业农村局", "农业农村厅"),
        ("工业和信息化局", "工业和信息化厅"),
        ("交通运输局", "交通运输厅"),
        ("城市管理局", null), // 综合行政执法局; a province's lies within its 住房和城乡建设厅
        ("市场监督管理局", "市场监督管理局"),
        ("应急管理局", "应急管理厅"),
        ("公安局", "公安厅"),
        ("发展和改革委员会", "发展和改革委员会"),
    ];

    /// <summary>The four municipalities directly under the central government name their departments as cities do (北京市生态环境局).</summary>
    private static readonly HashSet<string> Municipalities = ["11", "12", "31", "50"];

    /// <summary>The template units of <paramref name="jurisdiction"/>, in the order above.</summary>
    public static IReadOnlyList<string> For(Jurisdiction jurisdiction)
    {
        if (IsGrouping(jurisdiction)) return [];
        var provincial = jurisdiction.Level == JurisdictionLevel.Province && !Municipalities.Contains(jurisdiction.Code[..2]);
        return [.. Departments.Select(d => provincial ? d.Province : d.Local).OfType<string>().Select(d => jurisdiction.Name + d)];
    }

    /// <summary>
    /// Codes that only group counties and have no government of their own (a municipality's 市辖区 and 县, a province's
    /// 省直辖县级行政区划): no template; their office may still register units by hand.
    /// </summary>
    private static bool IsGrouping(Jurisdiction jurisdiction) =>
        jurisdiction.Level == JurisdictionLevel.City && (jurisdiction.Name is "市辖区" or "县" || jurisdiction.Name.EndsWith("直辖县级行政区划", StringComparison.Ordinal));
}
