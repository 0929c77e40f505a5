using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ducha.Services.Tests;

/// <summary>What a REST client sees: the HTTP status and the JSON body (default when there is none).</summary>
public sealed record RestAnswer(HttpStatusCode Status, JsonElement Body)
{
    public string Text(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>The fields named by the google.rpc.BadRequest in an error's details.</summary>
    public IReadOnlyList<string> ViolatedFields() => Body.GetProperty("details").EnumerateArray()
        .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
        .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
        .Select(v => v.GetProperty("field").GetString()!)
        .ToList();
}

/// <summary>Calls the host's REST routes with JSON over HTTP/1.1, as a browser or a script would, with or without a token.</summary>
public sealed class RestCaller(HttpClient http, string? token)
{
    public Task<RestAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null);

    public Task<RestAnswer> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    private async Task<RestAnswer> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RestAnswer(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}

public static class RestCallerExtensions
{
    public static RestCaller RestAs(this StandaloneFixture host, string jurisdictionCode, string role = "office") =>
        new(host.Http, host.Tokens.Issue(jurisdictionCode, role, $"rest-{role}-{jurisdictionCode}"));

    public static RestCaller RestWithoutToken(this StandaloneFixture host) => new(host.Http, token: null);
}
