using System.Globalization;
using System.Text.Json;

namespace Ducha.EventBus;

/// <summary>
/// A CloudEvents 1.0 event in structured JSON mode, with the distributed-tracing extension (<c>traceparent</c>,
/// <c>tracestate</c>). This is the exact body written to the broker and stored in the outbox.
/// </summary>
public sealed record CloudEventEnvelope
{
    public const string SpecVersion = "1.0";
    public const string MediaType = "application/cloudevents+json";
    public const string JsonDataContentType = "application/json";

    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset Time { get; init; }
    public string DataContentType { get; init; } = JsonDataContentType;
    public string? Subject { get; init; }
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public required JsonElement Data { get; init; }

    public byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", SpecVersion);
            writer.WriteString("id", Id);
            writer.WriteString("source", Source);
            writer.WriteString("type", Type);
            // RFC 3339 in UTC, as the CloudEvents spec requires for 'time'.
            writer.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("datacontenttype", DataContentType);
            if (Subject is not null) writer.WriteString("subject", Subject);
            if (TraceParent is not null) writer.WriteString("traceparent", TraceParent);
            if (TraceState is not null) writer.WriteString("tracestate", TraceState);
            writer.WritePropertyName("data");
            Data.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public string ToJson() => System.Text.Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>Reads a structured-mode CloudEvent; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static CloudEventEnvelope Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"CloudEvent is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    public static CloudEventEnvelope Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static CloudEventEnvelope FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("CloudEvent must be a JSON object.");
        var specVersion = Required(root, "specversion");
        if (specVersion != SpecVersion)
            throw new FormatException($"CloudEvent specversion '{specVersion}' is not supported; expected {SpecVersion}.");
        var timeText = Optional(root, "time");
        DateTimeOffset time = default;
        if (timeText is not null && !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time))
            throw new FormatException($"CloudEvent time '{timeText}' is not an RFC 3339 timestamp.");
        if (!root.TryGetProperty("data", out var data))
            throw new FormatException("CloudEvent has no 'data'.");
        return new CloudEventEnvelope
        {
            Id = Required(root, "id"),
            Source = Required(root, "source"),
            Type = Required(root, "type"),
            Time = time,
            DataContentType = Optional(root, "datacontenttype") ?? JsonDataContentType,
            Subject = Optional(root, "subject"),
            TraceParent = Optional(root, "traceparent"),
            TraceState = Optional(root, "tracestate"),
            Data = data.Clone(),
        };
    }

    private static string Required(JsonElement root, string name) =>
        Optional(root, name) is { Length: > 0 } value
            ? value
            : throw new FormatException($"CloudEvent attribute '{name}' is missing or empty.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
