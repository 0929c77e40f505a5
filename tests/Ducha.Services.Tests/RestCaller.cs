using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ducha.Services.Tests;

/// <summary>What a REST client sees: the HTTP status, the JSON body (default when there is none) and its media type.</summary>
public sealed record RestAnswer(HttpStatusCode Status, JsonElement Body, string? MediaType = null)
{
    public string Text(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>The fields named by the google.rpc.BadRequest in an error's details.</summary>
    public IReadOnlyList<string> ViolatedFields() => Violations().Select(v => v.Field).ToList();

    /// <summary>What the google.rpc.BadRequest in an error's details says about each field.</summary>
    public IReadOnlyList<(string Field, string Description)> Violations() => Body.GetProperty("details").EnumerateArray()
        .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
        .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
        .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!))
        .ToList();
}

/// <summary>Calls the host's REST routes with JSON over HTTP/1.1, as a browser or a script would, with or without a token.</summary>
public sealed class RestCaller(HttpClient http, string? token)
{
    public Task<RestAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null);

    public Task<RestAnswer> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<RestAnswer> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body));

    /// <summary>Sends the text exactly as given, as a hand-written or broken client would.</summary>
    public Task<RestAnswer> PostTextAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Sends raw bytes as JSON, to say things a .NET string cannot (bytes that are not UTF-8).</summary>
    public Task<RestAnswer> PostBytesAsync(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return SendAsync(HttpMethod.Post, path, content);
    }

    private async Task<RestAnswer> SendAsync(HttpMethod method, string path, HttpContent? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        request.Content = body;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RestAnswer(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            response.Content.Headers.ContentType?.MediaType);
    }
}

public static class RestCallerExtensions
{
    public static RestCaller RestAs(this StandaloneFixture host, string jurisdictionCode, string role = "office") =>
        new(host.Http, host.Tokens.Issue(jurisdictionCode, role, $"rest-{role}-{jurisdictionCode}"));

    public static RestCaller RestWithoutToken(this StandaloneFixture host) => new(host.Http, token: null);
}
