using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Standalone;
using Ducha.Testing;

namespace Ducha.Benchmarks;

/// <summary>
/// The public site under load, as the public reads it: an announcement's page fetched whole, the same page revalidated
/// with its ETag (what a browser or proxy does after max-age), the county's page, then a county bulletin made through
/// the API (<see cref="PublicBulletinSetup"/>) — its page, revalidated, its XLSX and CSV — and the county's feed. Against a running host (--url) or
/// a standalone host started in-process; it publishes one announcement to read (once: an idempotency key), prints the
/// rates and asserts nothing. Arguments: [seconds per kind, 10] [callers, 8] [--url=http://localhost:8263].
/// </summary>
public static class PublicSiteBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
        var callers = args.Length > 1 && int.TryParse(args[1], out var c) ? c : 8;
        var url = args.FirstOrDefault(a => a.StartsWith("--url=", StringComparison.Ordinal))?["--url=".Length..];
        Microsoft.AspNetCore.Builder.WebApplication? app = null;
        string? dataDir = null;
        if (url is null)
        {
            dataDir = Directory.CreateTempSubdirectory("ducha-bench-").FullName;
            url = $"http://127.0.0.1:{FreePort.Next()}";
            app = StandaloneApp.Create([$"--urls={url}", $"--DUCHA_DATA_DIR={dataDir}", "--Logging:LogLevel:Default=Warning"]);
            await app.StartAsync();
        }
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = callers, AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = new Uri(url),
            };
            var path = await PublishAsync(http);
            using var first = await http.GetAsync(path);
            var etag = first.Headers.ETag!.Tag;
            Console.WriteLine($"Ducha public site benchmark against {url} ({(app is null ? "running host" : "in-process standalone host")}): "
                + $"{callers} callers, {seconds} s per kind, {Environment.ProcessorCount} cores; page {path}, {first.Content.Headers.ContentLength} bytes, ETag {etag}");
            Console.WriteLine();
            Console.WriteLine(Latencies.Header);
            var duration = TimeSpan.FromSeconds(seconds);
            var whole = new Latencies("GET announcement page (200, whole page)");
            await whole.RunForAsync(duration, callers, () => ExpectAsync(http, path, null, HttpStatusCode.OK));
            Console.WriteLine(whole.Row());
            var revalidated = new Latencies("GET announcement page with If-None-Match (304)");
            await revalidated.RunForAsync(duration, callers, () => ExpectAsync(http, path, etag, HttpStatusCode.NotModified));
            Console.WriteLine(revalidated.Row());
            var county = new Latencies("GET county page /public/320505 (200)");
            await county.RunForAsync(duration, callers, () => ExpectAsync(http, "/public/320505", null, HttpStatusCode.OK));
            Console.WriteLine(county.Row());

            var (bulletin, rows) = await PublicBulletinSetup.PublishAsync(http, 12);
            using var page = await http.GetAsync(bulletin);
            var bulletinTag = page.Headers.ETag!.Tag;
            foreach (var (name, target, tag, status) in new[]
                     {
                         ($"GET bulletin page ({rows} cases, {page.Content.Headers.ContentLength} bytes)", bulletin, null, HttpStatusCode.OK),
                         ("GET bulletin page with If-None-Match (304)", bulletin, bulletinTag, HttpStatusCode.NotModified),
                         ("GET bulletin table .xlsx", bulletin + ".xlsx", null, HttpStatusCode.OK),
                         ("GET bulletin table .csv", bulletin + ".csv", null, HttpStatusCode.OK),
                         ("GET county feed /public/320505/feed.atom", "/public/320505/feed.atom", null, HttpStatusCode.OK),
                     })
            {
                var timed = new Latencies(name);
                await timed.RunForAsync(duration, callers, () => ExpectAsync(http, target, tag, status));
                Console.WriteLine(timed.Row());
            }
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dataDir!, true);
            }
        }
    }

    private static async Task ExpectAsync(HttpClient http, string path, string? etag, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await http.SendAsync(request);
        await response.Content.CopyToAsync(Stream.Null);
        if (response.StatusCode != expected) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, expected {(int)expected}");
    }

    /// <summary>Publishes the county's announcement with the development issuer's office token; the path of its public page.</summary>
    private static async Task<string> PublishAsync(HttpClient http)
    {
        using var tokenAnswer = await http.PostAsync("/dev/tokens?jurisdiction=320505&role=office&subject=public-benchmark", null);
        tokenAnswer.EnsureSuccessStatusCode();
        var token = (await tokenAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/announcements")
        {
            Content = JsonContent.Create(new
            {
                jurisdictionCode = "320505", team = "苏州市第一生态环境保护督察组", startDate = "2024-10-08", endDate = "2024-11-08",
                reportPhone = "0512-68001234", postalBox = "苏州市A001号邮政信箱", idempotencyKey = "public-site-benchmark",
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicPath").GetString()!;
    }
}
