using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// The canonical JSON of a sheet: what a frozen sheet stores and its hash covers. Fixed property order (the records'),
/// enums by name, instants in UTC, Chinese kept as written, so the same sheet always writes the same bytes.
/// </summary>
public static class ScoreSheetJson
{
    private static readonly JsonSerializerOptions Options = StoredJson.Options(new UtcInstantConverter());

    public static string Write(ScoreSheet sheet) => JsonSerializer.Serialize(sheet, Options);

    public static ScoreSheet Read(string json) =>
        JsonSerializer.Deserialize<ScoreSheet>(json, Options) ?? throw new InvalidOperationException("A stored score sheet has no content.");

    /// <summary>An instant read back from either store may carry any offset; the sheet writes it in UTC, to the tick.</summary>
    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime());
    }
}
