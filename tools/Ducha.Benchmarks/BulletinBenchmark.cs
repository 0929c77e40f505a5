using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.Standalone;
using Ducha.Testing;
using static Ducha.Benchmarks.RestCalls;

namespace Ducha.Benchmarks;

/// <summary>
/// Drafting 边督边改 bulletins over a province's year of cases: <see cref="BulletinSeed"/> writes them straight into
/// disclosure's read model on PostgreSQL, each level gets a cadence that began a year ago, and the drafts of the latest
/// period are timed over REST — the per-case table of the period plus the running totals over the whole year. Prints
/// figures, asserts nothing. Arguments: [cases, 1000000] [drafts per level, 5] [--disclosuredb=connection string]
/// (without it a PostgreSQL server is started in a temporary folder, as the tests do).
/// </summary>
public static class BulletinBenchmark
{
    private const string Province = "320000", City = "320500", County = "320506";
    private static readonly int[] MondayAndThursday = [1, 4];

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var repeats = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 5;
        var connection = args.FirstOrDefault(a => a.StartsWith("--disclosuredb=", StringComparison.Ordinal))?["--disclosuredb=".Length..];
        await using var server = connection is null ? await PostgresServer.StartAsync() : null;
        connection ??= await server!.CreateDatabaseAsync("bulletin_benchmark");
        var dataDir = Directory.CreateTempSubdirectory("ducha-bench-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var app = StandaloneApp.Create([$"--urls={url}", $"--DUCHA_DATA_DIR={dataDir}", "--Logging:LogLevel:Default=Warning",
            $"--ConnectionStrings:disclosuredb={connection}", "--Disclosure:BulletinWatchInterval=1.00:00:00"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            var today = BeijingTime.DateOf(DateTimeOffset.UtcNow);
            var seeding = Stopwatch.StartNew();
            await BulletinSeed.SeedAsync(connection, JurisdictionTree.LoadEmbedded(), Province, count, BeijingTime.StartOf(today));
            Console.WriteLine($"Ducha bulletin benchmark: {count:N0} cases of 江苏省 over the year before {today:yyyy-MM-dd} seeded into disclosure's read model "
                + $"(PostgreSQL{(server is null ? "" : $", started in {server.StartupDuration.TotalSeconds:F1} s")}) in {seeding.Elapsed.TotalSeconds:F0} s; "
                + $"{Environment.ProcessorCount} cores");
            // The latest Thursday-to-Sunday period that has ended: the province's second weekly bulletin.
            var sunday = today.AddDays(-(today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek));
            var yearAgo = today.AddDays(-366);
            Console.WriteLine();
            Console.WriteLine("| bulletin | cases in the period | running totals over | first draft ms | drafts | p50 ms | max ms | content kB |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (code, name, kind, start) in new[]
                     {
                         (Province, "江苏省", "CADENCE_KIND_WEEKDAYS", sunday.AddDays(-3)),
                         (City, "苏州市", "CADENCE_KIND_EVERY_DAYS", sunday.AddDays(-2)),
                         (County, "吴中区", "CADENCE_KIND_WORKING_DAYS", sunday.AddDays(-2)),
                     })
            {
                var token = await TokenAsync(http, code);
                await PostAsync(http, token, $"/v1/jurisdictions/{code}/bulletin-cadence",
                    new { kind, everyDays = 3, weekdays = MondayAndThursday, startDate = Wire(yearAgo) });
                var body = new { jurisdictionCode = code, periodStart = Wire(start), periodEnd = Wire(sunday) };
                var first = Stopwatch.StartNew();
                var draft = await PostAsync(http, token, "/v1/bulletins:draft", body);
                var firstMs = first.Elapsed.TotalMilliseconds;
                var timings = new List<double>();
                var size = 0;
                for (var i = 0; i < repeats; i++)
                {
                    var timed = Stopwatch.StartNew();
                    using var answer = await SendAsync(http, HttpMethod.Post, token, "/v1/bulletins:draft", body);
                    timings.Add(timed.Elapsed.TotalMilliseconds);
                    size = (await answer.Content.ReadAsByteArrayAsync()).Length;
                }
                timings.Sort();
                Console.WriteLine($"| {name} {Wire(start)}..{Wire(sunday)} | {draft.GetProperty("transferred").GetInt32():N0} "
                    + $"| {draft.GetProperty("toDate").GetProperty("transferred").GetInt32():N0} cases since {Wire(yearAgo)} | {firstMs:F0} | {repeats} "
                    + $"| {(timings.Count == 0 ? 0 : timings[timings.Count / 2]):F0} | {(timings.Count == 0 ? 0 : timings[^1]):F0} | {size / 1024:N0} |");
            }
            var process = Process.GetCurrentProcess();
            Console.WriteLine();
            Console.WriteLine($"working set {process.WorkingSet64 / 1024 / 1024} MB, peak {process.PeakWorkingSet64 / 1024 / 1024} MB (host and load generator in one process)");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }

    private static string Wire(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
