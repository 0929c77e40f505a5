using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace Ducha.Rest;

/// <summary>Writes a google.rpc.Status as the transcoder writes an error: compact JSON, defaults included, details with "@type".</summary>
internal static class StatusJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpResponse response, int httpStatus, Google.Rpc.Status status, TypeRegistry types)
    {
        var json = new JsonFormatter(new JsonFormatter.Settings(formatDefaultValues: true, types)).Format(status);
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        // JsonFormatter spaces its output; rewritten so the answer reads byte for byte like the transcoder's own errors.
        using var document = JsonDocument.Parse(json);
        await using var writer = new Utf8JsonWriter(response.Body, Compact);
        document.WriteTo(writer);
        await writer.FlushAsync(response.HttpContext.RequestAborted);
    }
}
