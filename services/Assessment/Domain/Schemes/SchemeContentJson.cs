using System.Text.Json;

namespace Ducha.Assessment.Domain.Schemes;

/// <summary>
/// A scheme's content as it is stored: one JSON document per scheme, enums by name and Chinese as written, so the same
/// content always writes the same text and a stored scheme reads the same whatever the enums' numbers become.
/// </summary>
public static class SchemeContentJson
{
    private static readonly JsonSerializerOptions Options = StoredJson.Options();

    public static string Write(SchemeContent content) => JsonSerializer.Serialize(content, Options);

    public static SchemeContent Read(string json) =>
        JsonSerializer.Deserialize<SchemeContent>(json, Options) ?? throw new InvalidOperationException("A stored scheme has no content.");
}
