using System.Text;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ducha.Rest;

/// <summary>
/// Reads a transcoded call's JSON body once, checks it, and rewinds it for the transcoder. What the transcoder would
/// refuse with a message naming nothing (not JSON, malformed, an unknown enum name) is named here.
/// </summary>
internal static class JsonBodyCheck
{
    public static async Task CheckAsync(HttpRequest request, TranscodedInput input, ProtoJsonCheck check, InputViolations violations)
    {
        if (!TryJsonEncoding(request, violations, out var encoding)) return;
        if (request.ContentLength == 0)
        {
            violations.Add(ProtoJsonCheck.BodyName, "is empty: send JSON, {} when every field keeps its default");
            return;
        }

        request.EnableBuffering();
        var utf8 = encoding is null ? request.Body : Encoding.CreateTranscodingStream(request.Body, encoding, Encoding.UTF8, leaveOpen: true);
        try
        {
            using var json = await JsonDocument.ParseAsync(utf8, cancellationToken: request.HttpContext.RequestAborted);
            if (input.BodyField is { } field) check.BodyField(json.RootElement, field);
            else check.Message(json.RootElement, input.Message, path: "");
        }
        catch (JsonException ex)
        {
            violations.Add(ProtoJsonCheck.BodyName, Malformed(ex));
        }
        catch (InvalidOperationException)
        {
            // JsonElement throws this for a name or quoted value that is not UTF-8 (string fields are named by path in
            // ProtoJsonCheck); the transcoder cannot read such text either.
            violations.Add(ProtoJsonCheck.BodyName, "holds text that is not valid UTF-8");
        }
        finally
        {
            if (encoding is not null) await utf8.DisposeAsync();
            request.Body.Position = 0;
        }
    }

    /// <summary>
    /// The transcoder reads application/json and any +json type, in the charset the header names (UTF-8 when none).
    /// </summary>
    private static bool TryJsonEncoding(HttpRequest request, InputViolations violations, out Encoding? encoding)
    {
        encoding = null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add(ProtoJsonCheck.BodyName, "must be JSON, sent with Content-Type: application/json"
                + (string.IsNullOrEmpty(request.ContentType) ? "" : $" (not {request.ContentType})"));
            return false;
        }
        if (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            encoding = Encoding.GetEncoding(type.Charset.Value!);
            if (encoding.CodePage == Encoding.UTF8.CodePage) encoding = null;
            return true;
        }
        catch (ArgumentException)
        {
            violations.Add(ProtoJsonCheck.BodyName, $"names the charset '{type.Charset}', which this service cannot read; send UTF-8");
            return false;
        }
    }

    /// <summary>Where the JSON broke, counted from 1 as editors do (the exception counts from 0), and why.</summary>
    private static string Malformed(JsonException ex)
    {
        var reason = ex.Message;
        var position = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0) reason = reason[..position];
        return ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? $"is not valid JSON at line {line + 1}, byte {column + 1}: {reason}"
            : $"is not valid JSON: {reason}";
    }
}
