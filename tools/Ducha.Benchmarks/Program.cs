using System.Diagnostics;
using Ducha.Benchmarks;
using Ducha.Standalone;
using Ducha.Testing;

// Measures the cases service the way a province uses it: intake, the full 接转办核销号 chain, and the lists an office
// reads all day. Runs the standalone host in-process on SQLite (or PostgreSQL when ConnectionStrings__casesdb is set),
// prints figures and asserts nothing. Arguments: [cases] [callers] [--Setting=value …], the settings passed to the host.
// `latency [per-second] [seconds]` measures case → disclosure instead, on separate processes (EventLatencyBenchmark);
// `public [seconds] [callers] [--url=…]` the public site's pages (PublicSiteBenchmark); `bulletin [cases] [drafts]` bulletin
// drafts over a province's year of cases on PostgreSQL (BulletinBenchmark); `console [cases] [seconds] [callers]` the console's
// pages over a city's open cases (ConsoleBenchmark); `assessment [cases] [runs]` a province's year of deductions and case
// figures rebuilt from its events and read for the score sheets (AssessmentBenchmark).
if (args.Length > 0 && args[0] == "assessment")
{
    await AssessmentBenchmark.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "latency")
{
    await EventLatencyBenchmark.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "console")
{
    await ConsoleBenchmark.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "bulletin")
{
    await BulletinBenchmark.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "public")
{
    await PublicSiteBenchmark.RunAsync(args[1..]);
    return;
}

var cases = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
var parallel = args.Length > 1 && int.TryParse(args[1], out var p) ? p : 8;
var dataDir = Directory.CreateTempSubdirectory("ducha-bench-").FullName;
var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
var app = StandaloneApp.Create([$"--urls={address}", $"--DUCHA_DATA_DIR={dataDir}", "--Logging:LogLevel:Default=Warning", .. args.Skip(2)]);
await app.StartAsync();
try
{
    var bench = new CaseBenchmark(address);
    Console.WriteLine($"Ducha cases benchmark: {cases} cases, {parallel} callers, {Environment.ProcessorCount} cores, store {(Environment.GetEnvironmentVariable("ConnectionStrings__casesdb") is null ? "SQLite" : "PostgreSQL")}");
    Console.WriteLine();
    Console.WriteLine(Latencies.Header);
    foreach (var row in await bench.RunAsync(cases, parallel)) Console.WriteLine(row.Row());
    var process = Process.GetCurrentProcess();
    Console.WriteLine();
    Console.WriteLine($"working set {process.WorkingSet64 / 1024 / 1024} MB, peak {process.PeakWorkingSet64 / 1024 / 1024} MB; database {new DirectoryInfo(dataDir).EnumerateFiles().Sum(f => f.Length) / 1024 / 1024} MB");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDir, true);
}
