using System.Collections.Concurrent;
using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// A hotline filing complaints at a steady rate, alternating between replicas. Each complaint carries its own
/// idempotency key; a call that fails (the replica died, the connection dropped) is retried with the same key on the
/// other replica, as a client behind a load balancer would. What counts is what the client was told: a complaint is
/// acknowledged only when a call returned OK, and the id it returned is kept.
/// </summary>
internal sealed class ComplaintStream(IReadOnlyList<CasesClient> replicas, Metadata headers, string runId)
{
    public const string Jurisdiction = "320506";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
    private readonly int[] _acknowledgedBy = new int[replicas.Count];
    private int _issued;
    private int _failedCalls;
    private int _givenUp;

    /// <summary>Idempotency key → the case id the client was given.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => _acknowledged;
    public int Issued => Volatile.Read(ref _issued);
    public int FailedCalls => Volatile.Read(ref _failedCalls);
    public int GivenUp => Volatile.Read(ref _givenUp);
    public int AcknowledgedBy(int replica) => Volatile.Read(ref _acknowledgedBy[replica]);

    public static CreateCaseRequest Complaint(string key, int index) => new()
    {
        JurisdictionCode = Jurisdiction,
        Address = $"苏州市吴中区木渎镇{index}号",
        PollutionType = PollutionType.Noise,
        Description = "工地夜间施工噪声扰民",
        Channel = Channel.Hotline12369,
        IdempotencyKey = key,
    };

    public string KeyOf(int index) => $"drill-{runId}-{index}";

    /// <summary>
    /// Files complaints at <paramref name="perSecond"/> until at least <paramref name="atLeast"/> were issued and
    /// <paramref name="keepGoing"/> turns false, or <paramref name="limit"/> passes; then waits for calls in flight.
    /// </summary>
    public async Task RunAsync(int atLeast, double perSecond, Func<bool> keepGoing, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var index = 0; (index < atLeast || keepGoing()) && clock.Elapsed < limit; index++)
        {
            // Open loop: a slow or dead replica does not slow the stream, as it would not slow callers.
            var due = TimeSpan.FromSeconds(index / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
            Interlocked.Increment(ref _issued);
            inFlight.Add(FileAsync(index, cancellationToken));
            inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
    }

    private async Task FileAsync(int index, CancellationToken cancellationToken)
    {
        var key = KeyOf(index);
        var request = Complaint(key, index);
        var started = Stopwatch.StartNew();
        for (var attempt = 0; started.Elapsed < GiveUpAfter; attempt++)
        {
            var replica = (index + attempt) % replicas.Count;
            try
            {
                var created = await replicas[replica].CreateCaseAsync(request, headers, DateTime.UtcNow + CallTimeout, cancellationToken);
                _acknowledged[key] = created.Id;
                Interlocked.Increment(ref _acknowledgedBy[replica]);
                return;
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
                // Unavailable while a replica is down, Internal/Cancelled when it died mid-call, Aborted on a collision:
                // every one of them is safe to repeat with the same key.
                Interlocked.Increment(ref _failedCalls);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (attempt + 1))), cancellationToken);
            }
        }
        Interlocked.Increment(ref _givenUp);
    }
}
