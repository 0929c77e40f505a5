using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.InputFlood;
using Grpc.Core;
using Grpc.Net.Client;

// Sends malformed requests to a running Ducha host on this machine and prints how it answered, per surface and status;
// any 5xx, gRPC UNKNOWN/INTERNAL/DATA_LOSS/UNAVAILABLE or broken connection is a failure, shown with examples. Then
// checks the host is still healthy. Exit code 0 when there was no failure and the host is healthy.
var options = Options.Parse(args);
if (options is null) return 2;
if (!Probes.IsLoopback(options.Url))
{
    Console.Error.WriteLine($"refused: {options.Url.Host} is not this machine. The flood only goes to localhost, 127.0.0.1 or ::1.");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
using var channel = GrpcChannel.ForAddress(options.Url, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
var invoker = channel.CreateCallInvoker();

var token = await DevelopmentTokenAsync(http, "jurisdiction=320500&role=office&subject=input-flood");
var serviceToken = token is null ? null
    : await DevelopmentTokenAsync(http, "jurisdiction=320500&role=service&subject=exposure&on_behalf_of=input-flood&on_behalf_of_role=office");
var caseId = token is null ? null : await SomeCaseAsync(http, token);
var programmeId = token is null ? null : await SomeProgrammeAsync(http, token);
var announcementId = token is null ? null : await SomeAnnouncementAsync(http, token);
var clients = new Clients(http, invoker, token, serviceToken, caseId, programmeId, announcementId);
Console.WriteLine($"Ducha input flood → {options.Url}: up to {options.Requests:N0} requests in at most {options.Seconds} s, {options.Concurrency} at once, seed {options.Seed}");
Console.WriteLine(token is null
    ? "no development token (POST /dev/tokens answered no token): protected routes will answer 401"
    : $"token: office of 320500 (development issuer), and the exposure service acting for it; target case {caseId ?? "(none created)"}, "
      + $"programme {programmeId ?? "(none scheduled)"}, announcement {announcementId ?? "(none published)"}");

var logBefore = options.HostLog is { } log && File.Exists(log) ? new FileInfo(log).Length : (long?)null;
var counts = new ConcurrentDictionary<(string Surface, string Code), long>();
var failures = new ConcurrentQueue<(Probe Probe, Answer Answer)>();
var sent = 0L;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var watch = Stopwatch.StartNew();

await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
{
    var random = new Random(options.Seed * 1000 + worker);
    while (!stop.IsCancellationRequested)
    {
        var index = Interlocked.Increment(ref sent) - 1;
        if (index >= options.Requests) break;
        var probe = Probes.Next(random, index);
        Answer answer;
        try
        {
            answer = await probe.Send(clients, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Interlocked.Decrement(ref sent);
            break;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            answer = new Answer("transport error", true, ex.GetBaseException().Message);
        }
        counts.AddOrUpdate((probe.Surface, answer.Code), 1, (_, n) => n + 1);
        if (answer.Failure && failures.Count < 200) failures.Enqueue((probe, answer));
    }
})));
watch.Stop();
var total = counts.Values.Sum();

Console.WriteLine();
Console.WriteLine($"{"surface",-10} {"answer",-22} {"count",8}  class");
foreach (var ((surface, code), count) in counts.OrderBy(c => c.Key.Surface).ThenByDescending(c => c.Value))
    Console.WriteLine($"{surface,-10} {code,-22} {count,8:N0}  {ClassOf(surface, code)}");
var byClass = counts.GroupBy(c => ClassOf(c.Key.Surface, c.Key.Code)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
Console.WriteLine();
Console.WriteLine($"{total:N0} requests in {watch.Elapsed.TotalSeconds:0.0} s ({total / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0}/s): "
    + string.Join(", ", Classes.Select(c => $"{c} {byClass.GetValueOrDefault(c):N0}")));

var failed = byClass.GetValueOrDefault("FAILED");
if (failed > 0)
{
    Console.WriteLine();
    Console.WriteLine($"failures (5xx, UNKNOWN, INTERNAL, DATA_LOSS, UNAVAILABLE, broken connections), up to {options.Examples} per answer:");
    foreach (var group in failures.GroupBy(f => (f.Probe.Surface, f.Answer.Code)))
    {
        foreach (var (probe, answer) in group.Take(options.Examples))
            Console.WriteLine($"  {probe.Surface} {answer.Code}: {probe.What}\n      → {answer.Detail.ReplaceLineEndings(" ")}");
    }
}

Console.WriteLine();
var (healthy, healthAnswer) = await Probes.HealthAsync(http, CancellationToken.None);
var serving = await HealthCheckAsync(invoker);
Console.WriteLine($"after the flood: GET /health → {healthAnswer}; grpc.health.v1 Check → {serving}");
if (logBefore is { } before && File.Exists(options.HostLog))
{
    // The host may still be writing its last lines (the rolled-up count of unreadable messages comes once a minute).
    await Task.Delay(TimeSpan.FromSeconds(options.Settle));
    var grown = new FileInfo(options.HostLog!).Length - before;
    Console.WriteLine($"host log {options.HostLog}: +{grown:N0} bytes during the run ({(double)grown / Math.Max(total, 1):0.0} bytes per request)");
}

if (options.HealthSeconds > 0)
{
    Console.WriteLine();
    await RateAsync("grpc.health.v1.Health/Check (anonymous)", "grpc.health.v1.Health", "Check", []);
    await RateAsync("ducha.reference.v1.Reference/GetJurisdiction (anonymous)", "ducha.reference.v1.Reference", "GetJurisdiction", ProtoBytes.String(1, "320505"));
}

return failed == 0 && healthy && serving == "SERVING" ? 0 : 1;

async Task RateAsync(string name, string service, string method, byte[] payload)
{
    var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
    var calls = 0L;
    var errors = 0L;
    var until = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
    {
        while (until.Elapsed.TotalSeconds < options.HealthSeconds)
        {
            try { await invoker.AsyncUnaryCall(call, null, new CallOptions(), payload); Interlocked.Increment(ref calls); }
            catch (RpcException) { Interlocked.Increment(ref errors); }
        }
    })));
    Console.WriteLine($"{name}: {calls:N0} calls in {until.Elapsed.TotalSeconds:0.0} s = {calls / until.Elapsed.TotalSeconds:N0} calls/s ({options.Concurrency} callers, {errors} errors)");
}

static string ClassOf(string surface, string code) => code switch
{
    "transport error" => "FAILED",
    _ when surface == Probes.Grpc => code switch
    {
        "OK" => "answered",
        "Unknown" or "Internal" or "DataLoss" or "Unavailable" => "FAILED",
        _ => "refused",
    },
    _ => int.Parse(code, CultureInfo.InvariantCulture) switch
    {
        // 304: the public site's answer to a validator that still holds, an answer like 200.
        < 400 => "answered",
        < 500 => "refused",
        _ => "FAILED",
    },
};

static async Task<string?> DevelopmentTokenAsync(HttpClient http, string query)
{
    try
    {
        using var response = await http.PostAsync("/dev/tokens?" + query, null);
        if (!response.IsSuccessStatusCode) return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    }
    catch (HttpRequestException ex)
    {
        Console.Error.WriteLine($"the host does not answer: {ex.Message}");
        throw;
    }
}

/// <summary>One real case, so the routes that act on a case meet an existing one and get past "not found".</summary>
static async Task<string?> SomeCaseAsync(HttpClient http, string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/cases")
    {
        Content = JsonContent.Create(new
        {
            jurisdictionCode = "320505", address = "苏州市虎丘区某路", polluter = $"输入洪流{Guid.NewGuid():N}", pollutionType = "POLLUTION_TYPE_AIR",
            description = "输入洪流测试用案件", channel = "CHANNEL_HOTLINE_12369", coordinates = new { latitude = 31.38, longitude = 120.47 },
        }),
    };
    request.Headers.Authorization = new("Bearer", token);
    using var response = await http.SendAsync(request);
    return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
}

/// <summary>
/// A programme of a column of the office's own, scheduled on Monday 2024-09-30 with one problem, so the airings meet a real
/// programme and get past "not found" (the first valid one records it; the rest find it aired). None on a host without exposure.
/// </summary>
static async Task<string?> SomeProgrammeAsync(HttpClient http, string token)
{
    async Task<string?> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
    }

    if (await PostAsync("/v1/media-outlets", new { jurisdictionCode = "320500", name = "输入洪流电视台", kind = "MEDIA_KIND_TV", weeklyQuota = 3 }) is not { } outlet
        || await PostAsync("/v1/columns", new { mediaOutletId = outlet, name = "输入洪流栏目" }) is not { } column
        || await PostAsync("/v1/exposures", new
        {
            columnId = column, placeJurisdictionCode = "320505", address = "苏州市虎丘区某路", polluter = $"输入洪流{Guid.NewGuid():N}"[..20],
            pollutionType = "POLLUTION_TYPE_WATER", description = "输入洪流测试用曝光问题", reasons = (string[])["SELECTION_REASON_MANY_COMPLAINTS"],
        }) is not { } exposure)
        return null;
    return await PostAsync("/v1/programmes", new { columnId = column, airDate = "2024-09-30", exposureIds = new[] { exposure } });
}

/// <summary>An entry announcement the office publishes for a county below it, so corrections and public pages meet a real one.</summary>
static async Task<string?> SomeAnnouncementAsync(HttpClient http, string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/announcements")
    {
        Content = JsonContent.Create(new
        {
            jurisdictionCode = "320505", team = "输入洪流督察组", startDate = "2024-10-08", endDate = "2024-11-08", reportPhone = "0512-68001234",
            postalBox = "苏州市A001号邮政信箱",
        }),
    };
    request.Headers.Authorization = new("Bearer", token);
    using var response = await http.SendAsync(request);
    return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
}

static async Task<string> HealthCheckAsync(CallInvoker invoker)
{
    var check = new Method<byte[], byte[]>(MethodType.Unary, "grpc.health.v1.Health", "Check", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
    try
    {
        var reply = await invoker.AsyncUnaryCall(check, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), []);
        // HealthCheckResponse { ServingStatus status = 1; }: 08 01 is SERVING, 08 02 NOT_SERVING.
        return reply is [0x08, var status, ..] ? status switch { 1 => "SERVING", 2 => "NOT_SERVING", 3 => "SERVICE_UNKNOWN", _ => $"status {status}" } : "UNKNOWN";
    }
    catch (RpcException ex)
    {
        return $"{ex.StatusCode}: {ex.Status.Detail}";
    }
}

internal sealed record Options(Uri Url, int Requests, int Seconds, int Concurrency, int Seed, int Examples, string? HostLog, int Settle, int HealthSeconds)
{
    private const string Usage = """
        usage: dotnet run -c Release --project tools/Ducha.InputFlood -- [--url http://localhost:8263] [--requests 10000]
               [--seconds 600] [--concurrency 4] [--seed 2026] [--examples 3] [--host-log FILE [--settle 1]] [--health-seconds 0]
          --url             the Ducha host (standalone or cases); only localhost, 127.0.0.1 or ::1
          --requests        how many malformed requests to send, spread over gRPC, REST, Open311, the reference routes and the public site
          --seconds         stop sending after this long, whatever the count
          --host-log        the host's console log file: prints how many bytes it grew during the run
          --settle          seconds to wait after the run before measuring the log (61 takes in the host's per-minute count)
          --health-seconds  afterwards, measure gRPC health Check (and a reference lookup) calls/s for this long
        """;

    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine(Usage);
                return null;
            }
            values[args[i][2..]] = args[++i];
        }
        int Int(string name, int fallback, int min) =>
            values.TryGetValue(name, out var text) ? Math.Max(min, int.Parse(text, CultureInfo.InvariantCulture)) : fallback;
        try
        {
            var unknown = values.Keys.Except(["url", "requests", "seconds", "concurrency", "seed", "examples", "host-log", "settle", "health-seconds"]).ToList();
            if (unknown.Count > 0) throw new FormatException($"unknown option --{unknown[0]}");
            return new Options(new Uri(values.GetValueOrDefault("url", "http://localhost:8263")), Int("requests", 10_000, 1), Int("seconds", 600, 1),
                Int("concurrency", 4, 1), Int("seed", 2026, 0), Int("examples", 3, 0), values.GetValueOrDefault("host-log"), Int("settle", 1, 0),
                Int("health-seconds", 0, 0));
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"{ex.Message}\n{Usage}");
            return null;
        }
    }
}

internal static partial class Program
{
    /// <summary>How answers are counted, in the order the summary names them.</summary>
    private static readonly string[] Classes = ["answered", "refused", "FAILED"];
}
