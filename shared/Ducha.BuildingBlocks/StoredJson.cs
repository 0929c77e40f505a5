using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ducha.BuildingBlocks;

/// <summary>
/// JSON for what a service stores and hashes: the same value always writes the same text — camelCase properties in
/// declaration order, enums by name (so a stored document reads the same whatever the enums' numbers become), Chinese
/// kept as written rather than escaped.
/// </summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
        };
        foreach (var converter in converters) options.Converters.Add(converter);
        return options;
    }
}
