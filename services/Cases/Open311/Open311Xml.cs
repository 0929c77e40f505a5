using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Ducha.Cases.Open311;

/// <summary>
/// GeoReport v2 XML, rendered from the very JSON of the same answer: the spec defines its JSON as a mapping of its XML
/// (the Spark convention), so walking one gives the other, and the two cannot disagree on a field's name, order or
/// value. A null is an empty element (&lt;account_id /&gt;), as in the spec's examples. No namespace, as the spec asks.
/// </summary>
internal static class Open311Xml
{
    public const string ContentType = "text/xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // A carriage return in a description comes back as written; a reader would otherwise fold it into a line feed.
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>JSON leaves a list's items unnamed; GeoReport's XML names each after its list.</summary>
    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["errors"] = "error",
        ["attributes"] = "attribute",
        ["values"] = "value",
    };

    public static async Task WriteAsync(HttpResponse response, object body, int statusCode)
    {
        var json = JsonSerializer.SerializeToElement(body, body.GetType(), Open311Json.Options);
        // Buffered: XmlWriter writes synchronously, which the server refuses on its own stream; answers are at most 1000 requests.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            Write(xml, DocumentOf(body), json);
            xml.WriteEndDocument();
        }
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), response.HttpContext.RequestAborted);
    }

    private static string DocumentOf(object body) => body switch
    {
        IEnumerable<ServiceView> => "services",
        ServiceDefinitionView => "service_definition",
        IEnumerable<CreatedRequestView> or IEnumerable<ServiceRequestView> => "service_requests",
        IEnumerable<Open311Error> => "errors",
        _ => throw new InvalidOperationException($"No GeoReport document is named for {body.GetType()}."),
    };

    private static void Write(XmlWriter xml, string name, JsonElement value)
    {
        xml.WriteStartElement(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var field in value.EnumerateObject()) Write(xml, field.Name, field.Value);
                break;
            case JsonValueKind.Array:
                var item = ItemNames.TryGetValue(name, out var named) ? named
                    : throw new InvalidOperationException($"No GeoReport element is named for the items of '{name}'.");
                foreach (var element in value.EnumerateArray()) Write(xml, item, element);
                break;
            case JsonValueKind.String:
                xml.WriteString(Legible(value.GetString()!));
                break;
            case JsonValueKind.Null:
                break;
            default:
                // Numbers and true/false, spelled as JSON spells them, which is also how XML Schema reads them.
                xml.WriteString(value.GetRawText());
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters (nor half a surrogate pair), not even escaped, and a stored
    /// description may hold one (gRPC takes any string): it is shown as U+FFFD rather than failing the whole answer.
    /// </summary>
    private static string Legible(string text)
    {
        StringBuilder? legible = null;
        for (var i = 0; i < text.Length;)
        {
            var ok = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == OperationStatus.Done && IsXmlCharacter(rune);
            if (!ok) legible ??= new StringBuilder(text.Length).Append(text, 0, i);
            legible?.Append(ok ? text.AsSpan(i, used) : "\uFFFD");
            i += used;
        }
        return legible?.ToString() ?? text;
    }

    private static bool IsXmlCharacter(Rune rune) => rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xFFFD) or >= 0x10000;
}
