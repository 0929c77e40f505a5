using System.Globalization;
using System.Diagnostics;

namespace Ducha.Benchmarks;

/// <summary>Timings of one kind of call, summarised the way an operator reads them: rate and percentiles.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = new();
    // The whole process's CPU while the calls ran (client, server and what they set off in the background): on a shared
    // machine the rate follows the other tenants' load, the CPU a call costs much less so.
    private TimeSpan _cpu;

    public string Name => name;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_milliseconds) _milliseconds.Add(elapsed);
        return result;
    }

    /// <summary>A timing measured elsewhere (from stored timestamps), in milliseconds.</summary>
    public void Add(double milliseconds)
    {
        lock (_milliseconds) _milliseconds.Add(milliseconds);
    }

    /// <summary>Runs <paramref name="count"/> calls, <paramref name="parallel"/> at a time, and keeps the wall time for the rate.</summary>
    public async Task RunAsync(int count, int parallel, Func<int, Task> call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _wall.Start();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) => await call(i));
        _wall.Stop();
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    /// <summary>Keeps <paramref name="parallel"/> callers calling for <paramref name="duration"/>, and the wall time for the rate.</summary>
    public async Task RunForAsync(TimeSpan duration, int parallel, Func<Task> call)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _wall.Start();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (_wall.Elapsed < duration) await TimeAsync(async () => { await call(); return 0; });
        })));
        _wall.Stop();
        _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    private double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }

    public string Row() =>
        $"| {name} | {_milliseconds.Count} | {(_wall.Elapsed.TotalSeconds > 0 ? (_milliseconds.Count / _wall.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) : "—")} | " +
        $"{Percentile(0.50):F1} | {Percentile(0.95):F1} | {Percentile(0.99):F1} | {(_cpu > TimeSpan.Zero && _milliseconds.Count > 0 ? (_cpu.TotalMilliseconds / _milliseconds.Count).ToString("F2", CultureInfo.InvariantCulture) : "—")} |";

    public const string Header = "| operation | calls | calls/s | p50 ms | p95 ms | p99 ms | CPU ms/call |\n|---|---|---|---|---|---|---|";
}
