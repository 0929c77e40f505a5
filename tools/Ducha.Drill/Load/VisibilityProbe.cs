using System.Collections.Concurrent;
using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Drill.Target;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Drill.Load;

/// <summary>
/// How long after its intake is acknowledged a case shows in Disclosure (its county's received count), with complaints
/// arriving at a fixed rate — an open loop, so a slow deployment falls behind instead of slowing the arrivals down. All
/// go to one county of their own, so the k-th acknowledged case is visible once the count has grown by k; the count is
/// polled every few milliseconds.
/// </summary>
public static class VisibilityProbe
{
    private const string Province = "320000", County = "320507";

    public static async Task<LoadResult> RunAsync(DrillTarget target, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cases = new CasesClient(target.As("cases", Person.Office(Province)));
        var disclosure = new DisclosureClient(target.As("disclosure", Person.Office(Province)));
        async Task<long> CountAsync() =>
            (await disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = County }, cancellationToken: cancellationToken))
            .Counts.SingleOrDefault()?.Received ?? 0;

        await QuietAsync(disclosure, cancellationToken);
        var baseline = await CountAsync();
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentBag<double>();
        var errors = 0;
        string? firstError = null;
        var polls = new List<(double At, long Count)>();
        using var stopPolling = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stopPolling.IsCancellationRequested)
            {
                var count = await CountAsync() - baseline;
                polls.Add((clock.Elapsed.TotalMilliseconds, count));
                await Task.Delay(3, CancellationToken.None);
            }
        }, CancellationToken.None);

        var run = Guid.NewGuid().ToString("N")[..8];
        var total = (int)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
            var key = $"{run}-{n}";
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await cases.CreateCaseAsync(new CreateCaseRequest
                    {
                        JurisdictionCode = County, Address = "相城区某路 9 号", Polluter = $"时延探测企业{key}", PollutionType = PollutionType.Water,
                        Channel = Channel.WebApp, Description = "向河道排放污水", IdempotencyKey = key,
                    }, cancellationToken: cancellationToken);
                    acknowledged.Add(clock.Elapsed.TotalMilliseconds);
                }
                catch (Grpc.Core.RpcException e)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = e.Status.Detail;
                }
            }, cancellationToken));
        }
        await Task.WhenAll(inFlight);
        var filedIn = clock.Elapsed.TotalSeconds;
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (polls.Count == 0 || polls[^1].Count < acknowledged.Count)
        {
            if (clock.Elapsed > deadline) break;
            await Task.Delay(10, cancellationToken);
        }
        await stopPolling.CancelAsync();
        await poller;

        var acks = acknowledged.Order().ToArray();
        var seen = polls.ToArray();
        var latencies = new List<double>(acks.Length);
        var p = 0;
        for (var k = 0; k < acks.Length; k++)
        {
            while (p < seen.Length && seen[p].Count < k + 1) p++;
            if (p == seen.Length) break; // never seen within the wait: counted as an error below
            latencies.Add(Math.Max(0, seen[p].At - acks[k]));
        }
        var missing = acks.Length - latencies.Count;
        var sorted = latencies.Order().ToArray();
        return new LoadResult($"受理后在公开服务可见（开环 {rate:N0} 件/秒）", 1, sorted.Length, acks.Length / filedIn,
            Stepper.Percentile(sorted, 0.50), Stepper.Percentile(sorted, 0.99), errors + missing) { FirstError = firstError ?? (missing > 0 ? $"{missing} 件 30 秒内未见" : null) };
    }

    /// <summary>
    /// Waits (up to two minutes) until Disclosure has caught up with what the earlier steps filed — its counts unchanged
    /// for three seconds — so the probe measures its own complaints, not a backlog.
    /// </summary>
    private static async Task QuietAsync(DisclosureClient disclosure, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var (last, since) = (-1L, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - since < TimeSpan.FromSeconds(3))
        {
            var total = (await disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest(), cancellationToken: cancellationToken)).Counts.Sum(c => c.Received);
            if (total != last) (last, since) = (total, DateTime.UtcNow);
            await Task.Delay(250, cancellationToken);
        }
    }
}
