using System.Net;
using System.Text.RegularExpressions;
using Ducha.Contracts.Cases.V1;
using Ducha.Standalone;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ducha.Benchmarks;

/// <summary>
/// The console's server time per page, as a clerk meets it: a city office holding <c>cases</c> open cases (four in five
/// assigned to it by the province with deadlines 10 to 30 working days out, the rest filed by the city itself and not yet
/// given one) signs in through the development sign-in form, then callers read its inbox (first page, a page deep in the
/// list, a search), the case list searched, the overview and a case's page.
/// Standalone host in-process; prints figures, asserts nothing. Arguments: [cases, 10000] [seconds per page, 10] [callers, 4].
/// </summary>
public static partial class ConsoleBenchmark
{
    private const string City = "320500";
    private static readonly string[] Counties = ["320505", "320506", "320507", "320508", "320509"];

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10_000;
        var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 10;
        var callers = args.Length > 2 && int.TryParse(args[2], out var c) ? c : 4;
        var dataDir = Directory.CreateTempSubdirectory("ducha-bench-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var app = StandaloneApp.Create([$"--urls={url}", $"--DUCHA_DATA_DIR={dataDir}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = callers, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            var filing = System.Diagnostics.Stopwatch.StartNew();
            var firstCase = await FileAsync(http, url, count);
            Console.WriteLine($"Ducha console benchmark against an in-process standalone host: {count:N0} open cases held by 苏州市 filed in "
                + $"{filing.Elapsed.TotalSeconds:F0} s; {callers} callers, {seconds} s per page, {Environment.ProcessorCount} cores");
            await SignInAsync(http);
            var deep = await DeepPageAsync(http);
            Console.WriteLine();
            Console.WriteLine(Latencies.Header);
            foreach (var (name, path) in new[]
            {
                ("GET / (待办, first page)", "/"), ($"GET {deep} (待办, a page deep in the list)", deep),
                ("GET /?q=某企业123&status=Assigned (待办, searched)", "/?q=%E6%9F%90%E4%BC%81%E4%B8%9A123&status=Assigned"),
                ("GET /cases?q=某企业123 (查询, searched)", "/cases?q=%E6%9F%90%E4%BC%81%E4%B8%9A123"),
                ("GET /overview (总览)", "/overview"), ("GET /cases/{id} (案件)", $"/cases/{firstCase}"),
            })
            {
                var timed = new Latencies(name);
                await timed.RunForAsync(TimeSpan.FromSeconds(seconds), callers, () => PageAsync(http, path));
                Console.WriteLine(timed.Row());
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }

    /// <summary>Files the city's cases over gRPC, 8 at a time, four in five through the province; the id of the first.</summary>
    private static async Task<string> FileAsync(HttpClient http, string url, int count)
    {
        using var channel = GrpcChannel.ForAddress(url);
        var cases = new Contracts.Cases.V1.Cases.CasesClient(channel);
        var city = new Metadata { { "Authorization", "Bearer " + await RestCalls.TokenAsync(http, City) } };
        var province = new Metadata { { "Authorization", "Bearer " + await RestCalls.TokenAsync(http, "320000") } };
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var viaProvince = i % 5 != 4;
            ids[i] = (await cases.CreateCaseAsync(new CreateCaseRequest
            {
                JurisdictionCode = Counties[i % Counties.Length], Address = $"某镇某路{i}号", Polluter = $"某企业{i % 500}",
                PollutionType = (PollutionType)(i % 7 + 1), Description = "夜间排放刺鼻气体，影响周边居民休息", Channel = Channel.Hotline12369,
                IdempotencyKey = $"console-benchmark-{i}",
            }, viaProvince ? province : city, cancellationToken: ct)).Id;
            if (viaProvince)
                await cases.AssignDownAsync(new AssignDownRequest { CaseId = ids[i], ToJurisdictionCode = City, WorkingDays = 10 + i % 21 }, province, cancellationToken: ct);
        });
        return ids[0];
    }

    /// <summary>
    /// Signs in as the city's office through the development sign-in form; the client's cookie container keeps the
    /// anti-forgery cookie and then the session cookie.
    /// </summary>
    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync($"/signin?code={City}");
        var fields = Hidden().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Form.Role"] = "office";
        fields["Form.DisplayName"] = "基准测试";
        using var answer = await http.PostAsync($"/signin?code={City}", new FormUrlEncodedContent(fields));
        if (!(await PageAsync(http, "/")).Contains("<h1>待办</h1>", StringComparison.Ordinal))
            throw new InvalidOperationException($"sign-in answered {(int)answer.StatusCode} and the inbox did not open");
    }

    /// <summary>The inbox's link to a page some way down the list, followed ten times.</summary>
    private static async Task<string> DeepPageAsync(HttpClient http)
    {
        var path = "/";
        for (var i = 0; i < 10; i++)
        {
            var page = await PageAsync(http, path);
            if (NextLink().Match(page) is not { Success: true } next) break;
            path = WebUtility.HtmlDecode(next.Groups[1].Value);
        }
        return path;
    }

    private static async Task<string> PageAsync(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(path);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode}");
        return body;
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)" />""")]
    private static partial Regex Hidden();

    [GeneratedRegex("""<a href="([^"]*)" rel="next">""")]
    private static partial Regex NextLink();
}
