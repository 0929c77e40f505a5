using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>How a bulletin words what the read model keeps in codes.</summary>
internal static class BulletinTerms
{
    public static string PollutionType(string? type) => type switch
    {
        "Air" => "大气污染",
        "Water" => "水污染",
        "Noise" => "噪声污染",
        "Soil" => "土壤污染",
        "SolidWaste" => "固体废物",
        "Ecology" => "生态破坏",
        _ => "其他",
    };

    public static string BasicFacts(string? polluter, string? description) =>
        polluter is { Length: > 0 } ? $"反映{polluter}{description}" : $"反映{description}";

    public static string Rectification(Rectification? state, DateOnly? deadline) => state switch
    {
        Domain.Rectification.RectifiedNow => "已立行立改",
        Domain.Rectification.Completed => "已整改完成",
        Domain.Rectification.Planned => deadline is { } due ? $"限期整改（{due:yyyy年M月d日}前）" : "限期整改",
        _ => "正在办理",
    };
}
