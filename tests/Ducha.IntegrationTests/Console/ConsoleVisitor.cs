using System.Net;

namespace Ducha.IntegrationTests.Console;

/// <summary>
/// One person's browser behind the load balancer: one cookie jar, whichever replica answers. Redirects are not followed,
/// so a test sees where each answer sends the browser.
/// </summary>
public sealed class ConsoleVisitor : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly List<HttpClient> _clients = [];

    public HttpClient At(ConsoleReplica replica)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = replica.Address };
        _clients.Add(client);
        return client;
    }

    /// <summary>The value of the session cookie the browser holds, if any.</summary>
    public string? SessionCookie(ConsoleReplica replica) => _cookies.GetCookies(replica.Address)["ducha.console"]?.Value;

    /// <summary>The development sign-in as an office of <paramref name="code"/>, posted to <paramref name="replica"/>.</summary>
    public async Task SignInAsync(ConsoleReplica replica, string code, string name)
    {
        var client = At(replica);
        var path = $"/signin?code={code}";
        var form = HtmlForms.Named(await client.GetStringAsync(path), "signin");
        using var content = form.With(("Form.Role", "office"), ("Form.Unit", ""), ("Form.DisplayName", name));
        using var response = await client.PostAsync(form.Action ?? path, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.NotNull(SessionCookie(replica));
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
