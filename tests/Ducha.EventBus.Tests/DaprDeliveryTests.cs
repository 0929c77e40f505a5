using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;
using Ducha.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.EventBus.Tests;

/// <summary>The delivery side of the dapr transport, exercised over HTTP exactly as a sidecar calls the app.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "_http is disposed in IAsyncLifetime.DisposeAsync, which xUnit calls.")]
public sealed class DaprDeliveryTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ducha-dapr-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EventBus:Transport"] = "dapr" });
        builder.AddServiceDefaults("dapr-test");
        builder.AddDuchaApi("dapr-test");
        builder.Services.AddDbContext<TestDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "dapr.db")}"));
        builder.Services.AddSingleton<HandlerBehaviour>();
        builder.AddEventBus().AddSubscription<Tallied, TallyHandler, TestDbContext>("disclosure");
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapDuchaApi();
        _app.MapEventBus();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    [Fact]
    public async Task The_subscribe_endpoint_lists_every_subscription()
    {
        var json = await _http.GetStringAsync("/dapr/subscribe");

        using var document = JsonDocument.Parse(json);
        var subscription = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("pubsub", subscription.GetProperty("pubsubName").GetString());
        Assert.Equal("tests.tallied", subscription.GetProperty("topic").GetString());
        // Dapr writes routes without the leading slash and calls them relative to the app.
        Assert.Equal("events/disclosure/tests.tallied", subscription.GetProperty("route").GetString());
    }

    [Fact]
    public async Task A_CloudEvent_delivered_as_the_sidecar_does_is_handled_once()
    {
        // The body a Dapr sidecar POSTs: our CloudEvent plus the attributes Dapr adds on the way.
        const string delivered = """
            {
              "specversion": "1.0",
              "id": "0197e3f0-7a1b-7c2d-9e3f-123456789abc",
              "source": "/ducha/cases/320505",
              "type": "ducha.tests.tallied.v1",
              "time": "2026-11-23T01:30:00Z",
              "datacontenttype": "application/json",
              "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
              "traceid": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
              "pubsubname": "pubsub",
              "topic": "tests.tallied",
              "data": { "key": "虎丘区", "jurisdictionCode": "320505" }
            }
            """;

        var first = await PostAsync(delivered);
        var second = await PostAsync(delivered);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("SUCCESS", await first.Content.ReadAsStringAsync());
        Assert.Contains("SUCCESS", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("虎丘区"));
    }

    [Fact]
    public async Task A_failing_handler_asks_the_sidecar_to_retry_and_a_broken_event_is_dropped()
    {
        _app.Services.GetRequiredService<HandlerBehaviour>().AlwaysFail = true;
        const string failing = """
            {"specversion":"1.0","id":"e-fail","source":"/ducha/cases/320505","type":"ducha.tests.tallied.v1",
             "datacontenttype":"application/json","data":{"key":"fail","jurisdictionCode":"320505"}}
            """;
        const string broken = """{"specversion":"1.0","source":"/x","type":"ducha.tests.tallied.v1","datacontenttype":"application/json","data":{}}""";

        var retry = await PostAsync(failing);
        var drop = await PostAsync(broken);

        Assert.Contains("RETRY", await retry.Content.ReadAsStringAsync());
        Assert.Contains("DROP", await drop.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("fail"));
    }

    private Task<HttpResponseMessage> PostAsync(string cloudEvent) =>
        _http.PostAsync("/events/disclosure/tests.tallied", new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json"));

    private async Task<int> CountAsync(string key)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        return (await db.Tallies.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key))?.Count ?? 0;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
