using System.Diagnostics;

namespace Ducha.Drill.Load;

/// <summary>
/// Runs one operation from a number of callers for a while and measures each call: a step of the rising load; with
/// <c>cpu</c>, also what the step cost each process, read right before the first call and after the last.
/// </summary>
public static class Stepper
{
    public static async Task<LoadResult> RunAsync(string operation, int callers, TimeSpan duration, Func<int, long, Task> call, CancellationToken cancellationToken,
        ProcessCpu? cpu = null)
    {
        var before = cpu?.Take();
        var latencies = new List<double>[callers];
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = latencies[caller] = new List<double>(4096);
            for (long n = 0; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try { await call(caller, n); }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = e.Message;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var after = cpu?.Take();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(operation, callers, all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors)
        {
            FirstError = firstError, CpuMsPerCall = before is null ? null : ProcessCpu.PerCall(before, after!, all.Length),
        };
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
