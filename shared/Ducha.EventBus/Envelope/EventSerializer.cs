using System.Text.Json;

namespace Ducha.EventBus;

/// <summary>One JSON shape for event data everywhere: camelCase names, enums as strings.</summary>
public static class EventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static JsonElement ToElement(object value, Type type) => JsonSerializer.SerializeToElement(value, type, Options);

    public static object Deserialize(JsonElement data, Type type) =>
        data.Deserialize(type, Options) ?? throw new FormatException($"CloudEvent data is null; expected {type.Name}.");
}
