using System.Diagnostics;
using Ducha.Assessment.Application.Facts;
using Ducha.Assessment.Application.Schemes;
using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Data;
using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Ducha.Standalone;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Benchmarks;

/// <summary>
/// The assessment of a province's year computed from its events: <see cref="AssessmentSeed"/> writes a year of Cases' and
/// Exposure's events for <c>cases</c> cases of 江苏省 into assessment's applied-event log (SQLite, in-process standalone
/// host; not timed), then times the operators' rebuild — every event replayed through the handlers into deductions and
/// assessed cases — and the facts the score sheets read for the province: its deductions with their events, and its case
/// figures per place — and every city's and county's score sheet under the example scheme. Prints medians, asserts nothing. Arguments: [cases, 100000] [runs, 3].
/// </summary>
public static class AssessmentBenchmark
{
    private const string Province = "320000";
    private const int Year = 2025;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var runs = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 3;
        var dataDir = Directory.CreateTempSubdirectory("ducha-bench-").FullName;
        var app = StandaloneApp.Create([$"--urls=http://127.0.0.1:{FreePort.Next()}", $"--DUCHA_DATA_DIR={dataDir}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var tree = app.Services.GetRequiredService<JurisdictionTree>();
            string connection;
            await using (var scope = app.Services.CreateAsyncScope())
                connection = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().Database.GetConnectionString()!;
            var seeding = Stopwatch.StartNew();
            var events = await AssessmentSeed.SeedAsync(connection, tree, Province, count, Year);
            var cities = tree.Children(Province).Count;
            var counties = tree.Children(Province).Sum(c => tree.Children(c.Code).Count(x => x.Level == JurisdictionLevel.County && x.Name != "市辖区"));
            Console.WriteLine($"Ducha assessment benchmark: {count:N0} cases of 江苏省 ({cities} cities, {counties} counties) over {Year}, {events:N0} events "
                + $"written into assessment's applied-event log (SQLite) in {seeding.Elapsed.TotalSeconds:F0} s; {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| operation | runs | median s | min s | rows read | rows/s |");
            Console.WriteLine("|---|---|---|---|---|---|");

            var admin = new Actor("benchmark", Role.Admin, Province, "province");
            ScoresRebuild? rebuilt = null;
            var rebuild = await TimeAsync(runs, async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                rebuilt = await scope.ServiceProvider.GetRequiredService<RebuildScores>().HandleAsync(dryRun: false, admin, CancellationToken.None);
                return (int)rebuilt.EventsReplayed;
            });
            Print($"rebuild: {events:N0} events replayed through the handlers", rebuild);
            Console.WriteLine($"  → {rebuilt!.RowsRebuilt:N0} rows (assessed cases, deductions, their events); the last run differed from the one before in {rebuilt.Differences.Count} rows");

            var deductions = await TimeAsync(runs + 2, () => ReadAsync(app.Services, (facts, ct) => Count(facts.DeductionsAsync(Year, Province, ct))));
            Print("IScoreFacts.DeductionsAsync (province, with events)", deductions);
            // Its rows are the cases counted, one GROUP BY over the province's range.
            var figures = await TimeAsync(runs + 2, () => ReadAsync(app.Services, async (facts, ct) => (await facts.CaseFiguresAsync(Year, Province, ct)).Sum(f => f.Cases)));
            Print("IScoreFacts.CaseFiguresAsync (province, cases counted per place)", figures);
            var city = await TimeAsync(runs + 2, () => ReadAsync(app.Services, async (facts, ct) =>
                await Count(facts.DeductionsAsync(Year, "320500", ct)) + (await facts.CaseFiguresAsync(Year, "320500", ct)).Sum(f => f.Cases)));
            Print("IScoreFacts, both, for 苏州市 (deductions + cases counted)", city);

            // The example scheme in force for the province's cities and, copied, for each city's counties: every sheet of
            // the province, computed live the way ListRankings computes a level's, one level after another.
            var assessors = await PutExampleSchemesInForceAsync(app.Services, tree);
            var sheets = await TimeAsync(runs + 2, async () =>
            {
                var computed = 0;
                foreach (var assessor in assessors)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    computed += (await scope.ServiceProvider.GetRequiredService<LiveResults>().ComputeAsync(assessor, Audience.Subordinates, Year, CancellationToken.None)).Parties.Count;
                }
                return computed;
            });
            Print($"score sheets of every city and county ({assessors.Count} levels ranked, rows = sheets)", sheets);

            var process = Process.GetCurrentProcess();
            Console.WriteLine();
            Console.WriteLine($"working set {process.WorkingSet64 / 1024 / 1024} MB, peak {process.PeakWorkingSet64 / 1024 / 1024} MB; "
                + $"database {new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource).Length / 1024 / 1024} MB");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }

    /// <summary>The province and each of its cities with the example scheme in force for their subordinates; the assessors, province first.</summary>
    private static async Task<List<string>> PutExampleSchemesInForceAsync(IServiceProvider services, JurisdictionTree tree)
    {
        var assessors = new List<string> { Province };
        assessors.AddRange(tree.Children(Province).Select(c => c.Code));
        foreach (var assessor in assessors)
        {
            await using var scope = services.CreateAsyncScope();
            var office = new Actor("benchmark", Role.Office, assessor, assessor == Province ? "province" : "city");
            var draft = await scope.ServiceProvider.GetRequiredService<CreateScheme>().HandleAsync(assessor, Year, Audience.Subordinates, null, fromExample: true,
                idempotencyKey: null, office, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PutSchemeInForce>().HandleAsync(draft.Id, office, CancellationToken.None);
        }
        return assessors;
    }

    private static async Task<int> ReadAsync(IServiceProvider services, Func<IScoreFacts, CancellationToken, Task<int>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IScoreFacts>(), CancellationToken.None);
    }

    private static async Task<int> Count<T>(Task<IReadOnlyList<T>> rows) => (await rows).Count;

    private static async Task<(List<double> Seconds, int Rows)> TimeAsync(int runs, Func<Task<int>> run)
    {
        var seconds = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs; i++)
        {
            var timed = Stopwatch.StartNew();
            rows = await run();
            seconds.Add(timed.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        return (seconds, rows);
    }

    private static void Print(string name, (List<double> Seconds, int Rows) timed)
    {
        var median = timed.Seconds[timed.Seconds.Count / 2];
        Console.WriteLine($"| {name} | {timed.Seconds.Count} | {median:F3} | {timed.Seconds[0]:F3} | {timed.Rows:N0} | {timed.Rows / median:N0} |");
    }
}
