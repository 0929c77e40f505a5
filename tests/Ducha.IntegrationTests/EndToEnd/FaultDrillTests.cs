using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// The fault drill: two cases replicas on one PostgreSQL database, disclosure, and the broker, each killed with SIGKILL
/// and restarted while complaints keep coming. Afterwards nothing the clients were told is missing, nothing is counted
/// twice, no history chain is broken and every event announced was applied exactly once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FaultDrillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Complaints = 1000;
    private const double PerSecond = 40;
    private const string InboxRefused = "already applied by";

    [Fact]
    public async Task Killing_each_replica_disclosure_and_the_broker_mid_stream_loses_and_doubles_nothing()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var casesDb = await postgres.Server.CreateDatabaseAsync();
        var disclosureDb = await postgres.Server.CreateDatabaseAsync();
        var common = new Dictionary<string, string>
        {
            ["EventBus__Transport"] = "rabbitmq",
            ["ConnectionStrings__rabbitmq"] = broker.AmqpUri,
            ["ConnectionStrings__casesdb"] = casesDb,
            ["ConnectionStrings__disclosuredb"] = disclosureDb,
        };
        // One after the other: the first migrates the shared database, the second finds it ready.
        using var first = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", common);
        using var second = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", common);
        // Disclosure asks replica 2 for cases' facts, so its kill is also an outage of cases as disclosure sees it.
        using var disclosure = await ServiceProcess.StartAsync("Disclosure", "Ducha.Disclosure",
            new Dictionary<string, string>(common) { ["services__cases__http__0"] = second.Address.ToString() }, [InboxRefused]);
        var ledger = new DrillLedger(casesDb, disclosureDb, broker);
        var token = "Bearer " + TokenIssuer.ForDevelopment().Issue("320500", "office", "drill", TimeSpan.FromHours(1));
        var headers = new Metadata { { "Authorization", token } };
        using var firstChannel = GrpcChannel.ForAddress(first.Address);
        using var secondChannel = GrpcChannel.ForAddress(second.Address);
        using var disclosureChannel = GrpcChannel.ForAddress(disclosure.Address);
        CasesClient[] replicas = [new(firstChannel), new(secondChannel)];
        var stream = new ComplaintStream(replicas, headers, Guid.NewGuid().ToString("N")[..8]);
        var recoveries = new List<(string What, TimeSpan Back)>();
        var processes = new[] { first, second, disclosure };
        try
        {
            var crashes = CrashEachInTurnAsync(stream, recoveries, broker, ledger,
                ("cases replica 1", first), ("cases replica 2", second), ("disclosure", disclosure));
            var clock = Stopwatch.StartNew();
            await stream.RunAsync(Complaints, PerSecond, () => !crashes.IsCompleted, TimeSpan.FromSeconds(100), CancellationToken.None);
            await crashes;
            var streamed = clock.Elapsed;

            // Quiet is a condition, not a time: both outboxes empty and the live queue drained, twice in a row.
            var quiet = Stopwatch.StartNew();
            var quietTwice = await Eventually.UntilAsync(async () => await ledger.IsQuietAsync() && await ledger.IsQuietAsync(), q => q,
                TimeSpan.FromSeconds(90));
            Assert.True(quietTwice, $"not quiet after 90 s: {await ledger.UnsentAsync()} unsent, queues {Describe(await ledger.QueuesAsync())}");
            var quietAfter = quiet.Elapsed;

            var stored = await ledger.CasesAsync();
            var counts = await new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(disclosureChannel)
                .GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = ComplaintStream.Jurisdiction }, headers);
            var counted = counts.Counts.SingleOrDefault()?.Received ?? 0;
            var published = await ledger.PublishedAsync();
            var applied = await ledger.AppliedAsync();
            var queues = await ledger.QueuesAsync();

            output.WriteLine($"issued {stream.Issued} complaints in {streamed.TotalSeconds:F1} s; acknowledged {stream.Acknowledged.Count} "
                + $"(replica 1: {stream.AcknowledgedBy(0)}, replica 2: {stream.AcknowledgedBy(1)}); failed calls retried {stream.FailedCalls}; given up {stream.GivenUp}");
            output.WriteLine($"stored {stored.Count}; counted by disclosure {counted}; events published {published.Count}, applied {applied.Count}; "
                + $"redeliveries the inbox refused {disclosure.LinesWith(InboxRefused)}");
            foreach (var (what, back) in recoveries) output.WriteLine($"{what}: {back.TotalSeconds:F1} s after the kill");
            output.WriteLine($"quiet {quietAfter.TotalSeconds:F1} s after the stream ended; queues {Describe(queues)}");

            // Every complaint the client was told about is stored, once, under the id it was given.
            Assert.Equal(0, stream.GivenUp);
            Assert.True(stream.Acknowledged.Count >= Complaints, $"only {stream.Acknowledged.Count} of {stream.Issued} acknowledged");
            Assert.Equal(stream.Acknowledged.Count, stream.Acknowledged.Values.Distinct().Count());
            Assert.DoesNotContain(stream.Acknowledged.Values, id => !stored.ContainsKey(id));
            Assert.Equal(stored.Count, stored.Values.Where(k => k is not null).Distinct().Count());
            Assert.True(stored.Count <= stream.Issued, $"{stored.Count} cases stored for {stream.Issued} complaints");
            await RetriesReturnTheSameCaseAsync(replicas, headers, stream);
            Assert.Equal(stored.Count, (await ledger.CasesAsync()).Count);

            // Disclosure counted each stored case once; each case announced once, and each announcement applied once.
            Assert.Equal(stored.Count, counted);
            Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), published.Select(e => e.CaseId).Order(StringComparer.Ordinal));
            Assert.Equal(published.Select(e => e.EventId).Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
            Assert.Equal(0, queues.GetValueOrDefault("dlq-" + DrillLedger.Queue));

            await EveryHistoryVerifiesAsync(replicas[0], headers, stored.Keys);
            // No crash loop: every process still runs, started exactly twice.
            Assert.All(processes, p => Assert.False(p.HasExited, $"{p.Name} exited:\n{p.OutputTail}"));
            Assert.All(processes, p => Assert.Equal(2, p.Starts));
        }
        catch
        {
            foreach (var process in processes) output.WriteLine($"--- {process.Name} ---\n{process.OutputTail}");
            throw;
        }
    }

    /// <summary>
    /// Kills each process, then the broker, one at a time: each only once the stream has been acknowledged well past the
    /// previous recovery, so every crash hits a system in full flow. Returns when the last one is back.
    /// </summary>
    private static async Task CrashEachInTurnAsync(ComplaintStream stream, List<(string, TimeSpan)> recoveries, RabbitMqServer broker,
        DrillLedger ledger, params (string What, ServiceProcess Process)[] services)
    {
        foreach (var (what, process) in services)
        {
            await FlowingAsync(stream);
            var down = Stopwatch.StartNew();
            await process.KillAsync();
            await process.RestartAsync();
            recoveries.Add((what, down.Elapsed));
        }
        await FlowingAsync(stream);
        var brokerDown = Stopwatch.StartNew();
        await broker.KillAsync();
        await broker.RestartAsync();
        recoveries.Add(("broker", brokerDown.Elapsed));
        // What piled up in the outbox while the broker was down, relayed once it is back (the stream goes on meanwhile).
        var backlog = await ledger.LastUnsentAsync();
        var drained = await Eventually.UntilAsync(() => ledger.UnsentUpToAsync(backlog), n => n == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(0, drained);
        recoveries.Add(("broker outage backlog relayed", brokerDown.Elapsed));
        await FlowingAsync(stream);
    }

    private static async Task FlowingAsync(ComplaintStream stream)
    {
        var target = stream.Acknowledged.Count + 100;
        await Eventually.UntilAsync(() => Task.FromResult(stream.Acknowledged.Count), n => n >= target, TimeSpan.FromSeconds(60));
    }

    /// <summary>A client that never heard back retries with the same key: a sample of keys returns the cases already stored.</summary>
    private static async Task RetriesReturnTheSameCaseAsync(CasesClient[] replicas, Metadata headers, ComplaintStream stream)
    {
        var sample = stream.Acknowledged.Where((_, i) => i % 10 == 0).ToList();
        foreach (var (key, id) in sample)
        {
            var again = await replicas[id.GetHashCode(StringComparison.Ordinal) & 1].CreateCaseAsync(ComplaintStream.Complaint(key, 0), headers);
            Assert.Equal(id, again.Id);
        }
    }

    private static async Task EveryHistoryVerifiesAsync(CasesClient client, Metadata headers, IEnumerable<string> caseIds)
    {
        var broken = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            var verification = await client.VerifyHistoryAsync(new VerifyHistoryRequest { Id = id }, headers, cancellationToken: ct);
            if (!verification.Intact) broken.Add(id);
        });
        Assert.Empty(broken);
    }

    private static string Describe(Dictionary<string, long> queues) => string.Join(", ", queues.Select(q => $"{q.Key}={q.Value}"));
}
