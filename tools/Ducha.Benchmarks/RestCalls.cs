using System.Net.Http.Json;
using System.Text.Json;

namespace Ducha.Benchmarks;

/// <summary>The REST calls the benchmarks set their scene with: a development token, and calls that must succeed.</summary>
internal static class RestCalls
{
    /// <param name="query">Beyond the jurisdiction: the role and, for a handler, the unit.</param>
    public static async Task<string> TokenAsync(HttpClient http, string jurisdiction, string query = "role=office")
    {
        using var answer = await http.PostAsync($"/dev/tokens?jurisdiction={jurisdiction}&{query}&subject=benchmark", null);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, string token, string path, object body)
    {
        using var answer = await SendAsync(http, HttpMethod.Post, token, path, body);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var answer = await SendAsync(http, HttpMethod.Get, token, path, null);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The answer of a call that must succeed; anything else stops the benchmark with the service's words.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string token, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        var answer = await http.SendAsync(request);
        if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return answer;
    }
}
