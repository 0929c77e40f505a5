using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Drill.Load;

/// <summary>
/// The morning batch of issue 15: N complaints filed at the province (not timed), then all N assigned province → city
/// and all N city → county — in AssignDownBatch calls of a thousand, or for comparison in single AssignDown calls from
/// eight callers. Each level's figure is cases per second; the two levels together are the target's "≤ 10 s".
/// </summary>
public sealed class MorningBatch(DrillTarget target, int count, bool oneByOne)
{
    private const string Province = "320000", City = "320500", County = "320505";
    private const int PerCall = 1000, SingleCallers = 8, FilingCallers = 8;

    public async Task<IReadOnlyList<LoadResult>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var province = new CasesClient(target.As("cases", Person.Office(Province)));
        var city = new CasesClient(target.As("cases", Person.Office(City)));
        var run = Guid.NewGuid().ToString("N")[..8];
        var filing = Stopwatch.StartNew();
        var ids = await ForEachAsync(count, FilingCallers, async n =>
            (await province.CreateCaseAsync(Complaint($"{run}-{n}"), cancellationToken: cancellationToken)).Id);
        progress($"早间批量：已在省级受理 {count} 件（{filing.Elapsed.TotalSeconds:F1} 秒，不计时）");
        var how = oneByOne ? $"逐件 AssignDown ×{SingleCallers}" : $"AssignDownBatch 每次 {PerCall} 件";
        var toCity = await LevelAsync($"早间批量 省→市（{how}）", province, ids, City, 10, cancellationToken);
        progress($"{toCity.Operation}：{count / toCity.CallsPerSecond:F2} 秒，{toCity.CallsPerSecond:N0} 件/秒，拒绝 {toCity.Errors}");
        var toCounty = await LevelAsync($"早间批量 市→县（{how}）", city, ids, County, 9, cancellationToken);
        progress($"{toCounty.Operation}：{count / toCounty.CallsPerSecond:F2} 秒，{toCounty.CallsPerSecond:N0} 件/秒，拒绝 {toCounty.Errors}");
        var seconds = count / toCity.CallsPerSecond + count / toCounty.CallsPerSecond;
        var both = new LoadResult($"早间批量 省→市→县 合计（{how}）", toCity.Callers, count, count / seconds, 0, 0, toCity.Errors + toCounty.Errors)
            { FirstError = toCity.FirstError ?? toCounty.FirstError };
        progress($"早间批量：{count} 件两级交办共 {seconds:F2} 秒");
        return [toCity, toCounty, both];
    }

    /// <summary>Assigns every case one level down and measures the whole level; each call's latency goes into p50/p99.</summary>
    private async Task<LoadResult> LevelAsync(string operation, CasesClient office, IReadOnlyList<string> ids, string to, int days, CancellationToken cancellationToken)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var refused = 0;
        string? firstRefusal = null;
        void Refused(string why)
        {
            if (Interlocked.Increment(ref refused) == 1) firstRefusal = why;
        }
        var clock = Stopwatch.StartNew();
        if (oneByOne)
        {
            await ForEachAsync(ids.Count, SingleCallers, async n =>
            {
                var started = Stopwatch.GetTimestamp();
                try { await office.AssignDownAsync(new AssignDownRequest { CaseId = ids[n], ToJurisdictionCode = to, WorkingDays = days }, cancellationToken: cancellationToken); }
                catch (Grpc.Core.RpcException e) { Refused(e.Status.Detail); }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return n;
            });
        }
        else
        {
            foreach (var chunk in ids.Chunk(PerCall))
            {
                var request = new AssignDownBatchRequest();
                request.Assignments.AddRange(chunk.Select(id => new AssignDownRequest { CaseId = id, ToJurisdictionCode = to, WorkingDays = days }));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var answer = await office.AssignDownBatchAsync(request, cancellationToken: cancellationToken);
                    foreach (var refusal in answer.Results.Where(r => r.Refusal is not null)) Refused($"{refusal.CaseId}: {refusal.Refusal.Message}");
                }
                catch (Grpc.Core.RpcException e) when (!cancellationToken.IsCancellationRequested)
                {
                    foreach (var id in chunk) Refused($"{id}: {e.Status.Detail}");
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new LoadResult(operation, oneByOne ? SingleCallers : 1, ids.Count, ids.Count / elapsed, sorted[sorted.Length / 2],
            sorted[Math.Min(sorted.Length - 1, (int)(0.99 * sorted.Length))], refused) { FirstError = firstRefusal };
    }

    /// <summary>Runs <paramref name="work"/> for 0…count-1 from a number of callers taking the next index as they finish.</summary>
    private static async Task<IReadOnlyList<T>> ForEachAsync<T>(int count, int callers, Func<int, Task<T>> work)
    {
        var results = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next)) results[n] = await work(n);
        }));
        return results;
    }

    private static CreateCaseRequest Complaint(string key) => new()
    {
        JurisdictionCode = County, Address = "虎丘区某路 1 号", Polluter = $"早间批量企业{key}", PollutionType = PollutionType.Water, Channel = Channel.MayorMailbox,
        Description = "清晨河道出现异味", IdempotencyKey = $"morning-{key}", Reporter = new Reporter { Name = "晨报", Phone = "13900000000" },
    };
}
