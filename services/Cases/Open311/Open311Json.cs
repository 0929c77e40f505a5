using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ducha.Cases.Open311;

/// <summary>
/// GeoReport v2 JSON: snake_case names, nulls written out, and text as written: Chinese and the "+08:00" of a timestamp
/// unescaped. The relaxed encoder only matters for JSON pasted into HTML, which these answers never are.
/// </summary>
internal static class Open311Json
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(HttpResponse response, object body, int statusCode)
    {
        response.StatusCode = statusCode;
        return response.WriteAsJsonAsync(body, body.GetType(), Options, ContentType, response.HttpContext.RequestAborted);
    }
}
