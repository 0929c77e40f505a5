using System.Text.Json;
using Ducha.BuildingBlocks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ducha.Persistence;

public static class JsonDocumentColumn
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options();

    /// <summary>
    /// A list read and replaced whole with its row, never queried inside, kept as one JSON document; changes are seen by
    /// comparing the documents, so replacing the list with an equal one writes nothing.
    /// </summary>
    public static PropertyBuilder<IReadOnlyList<T>> AsJsonDocument<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(list => Write(list), json => Read<T>(json),
            new ValueComparer<IReadOnlyList<T>>((a, b) => Write(a!) == Write(b!), list => StringComparer.Ordinal.GetHashCode(Write(list)), list => Read<T>(Write(list))));

    // Public because the stores' compiled models (eng/compiled-models.sh) call the conversion from generated code.
    public static string Write<T>(IReadOnlyList<T> list) => JsonSerializer.Serialize(list, Json);

    public static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
}
