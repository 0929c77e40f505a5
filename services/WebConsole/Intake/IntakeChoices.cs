using Ducha.Contracts.Cases.V1;
using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Ducha.WebConsole.Inbox;

namespace Ducha.WebConsole.Intake;

/// <summary>The lists the intake form offers, in the contract's order, with the words a clerk uses.</summary>
public static class IntakeChoices
{
    public static IReadOnlyList<(string Value, string Label)> Channels { get; } =
        [.. Enum.GetValues<Channel>().Where(c => c != Channel.Unspecified).Select(c => (c.ToString(), CaseWords.Channel(c)))];

    public static IReadOnlyList<(string Value, string Label)> PollutionTypes { get; } =
        [.. Enum.GetValues<PollutionType>().Where(p => p != PollutionType.Unspecified).Select(p => (p.ToString(), Pollution(p)))];

    public static string Pollution(PollutionType type) => type switch
    {
        PollutionType.Air => "大气污染",
        PollutionType.Water => "水污染",
        PollutionType.Noise => "噪声污染",
        PollutionType.Soil => "土壤污染",
        PollutionType.SolidWaste => "固体废物、危险废物",
        PollutionType.Ecology => "生态破坏",
        PollutionType.Other => "其他",
        _ => "未注明",
    };

    /// <summary>A posted name back to the contract's value; anything else is "unspecified", which the service refuses by name.</summary>
    public static TEnum Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : default;
}
