using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Benchmarks;

/// <summary>
/// Case → disclosure latency: complaints filed at a steady rate through cases, each timed until disclosure committed
/// its count. Every time comes from the stores themselves (the outbox row's creation and broker confirm, the inbox row's
/// application) against the client's clock on the same machine, so nothing polls the services while they are measured.
/// </summary>
public sealed class EventLatencyBenchmark(Uri casesAddress, string casesDb, string disclosureDb)
{
    private const string Jurisdiction = "320506";

    /// <summary>
    /// <c>latency [per-second] [seconds]</c>: starts PostgreSQL, RabbitMQ, cases and disclosure as separate processes
    /// (the Release build), or uses running ones when <c>--cases=URL --casesdb=… --disclosuredb=…</c> name them.
    /// </summary>
    public static async Task RunAsync(string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var perSecond = positional.Length > 0 ? double.Parse(positional[0], CultureInfo.InvariantCulture) : 20;
        var seconds = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 30;
        var named = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
            .ToDictionary(a => a[2..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.OrdinalIgnoreCase);
        if (named.TryGetValue("cases", out var cases))
        {
            await new EventLatencyBenchmark(new Uri(cases), named["casesdb"], named["disclosuredb"]).MeasureAsync(perSecond, seconds);
            return;
        }

        Console.WriteLine("Starting PostgreSQL and RabbitMQ …");
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbit = await RabbitMqServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["EventBus__Transport"] = "rabbitmq",
            ["ConnectionStrings__rabbitmq"] = rabbit.AmqpUri,
            ["ConnectionStrings__casesdb"] = await postgres.CreateDatabaseAsync(),
            ["ConnectionStrings__disclosuredb"] = await postgres.CreateDatabaseAsync(),
        };
        foreach (var setting in named) environment[setting.Key.Replace(":", "__", StringComparison.Ordinal)] = setting.Value;
        using var casesService = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", environment);
        using var disclosure = await ServiceProcess.StartAsync("Disclosure", "Ducha.Disclosure", environment);
        await new EventLatencyBenchmark(casesService.Address, environment["ConnectionStrings__casesdb"], environment["ConnectionStrings__disclosuredb"])
            .MeasureAsync(perSecond, seconds);
        // What the services printed (the last 400 lines each), to see where a slow event spent its time.
        if (Environment.GetEnvironmentVariable("DUCHA_BENCH_LOGS") is not null) Console.WriteLine(casesService.Output + "\n=====\n" + disclosure.Output);
    }

    private async Task MeasureAsync(double perSecond, int seconds)
    {
        using var channel = GrpcChannel.ForAddress(casesAddress);
        var token = "Bearer " + TokenIssuer.ForDevelopment().Issue("320500", "office", "latency-bench", TimeSpan.FromHours(2));
        var client = new CasesClient(channel);
        var headers = new Metadata { { "Authorization", token } };

        // A first round, not measured: the first call of each path pays for JIT, EF's query compilation and the channels.
        var warmUp = await FileAtRateAsync(client, headers, perSecond, Math.Min(50, (int)perSecond * 2));
        var filed = await FileAtRateAsync(client, headers, perSecond, (int)(perSecond * seconds));
        var applied = await WaitForAppliedAsync(filed.Concat(warmUp).Select(f => f.CaseId).ToHashSet(StringComparer.Ordinal), TimeSpan.FromSeconds(60 + seconds));
        if (applied.TryGetValue(warmUp[0].CaseId, out var first))
            Console.WriteLine($"First case after start-up: call {(warmUp[0].Replied - warmUp[0].Started).TotalMilliseconds:F0} ms, "
                + $"event recorded → broker confirm {(first.Sent - first.Created).TotalMilliseconds:F0} ms, "
                + $"reply → counted {(first.Applied - warmUp[0].Replied).TotalMilliseconds:F0} ms, call start → counted {(first.Applied - warmUp[0].Started).TotalMilliseconds:F0} ms");

        var call = new Latencies("CreateCase (call)");
        var relay = new Latencies("event recorded → broker confirm (relay)");
        var endToEnd = new Latencies("case → disclosure (call start → counted)");
        var afterReply = new Latencies("reply → counted");
        foreach (var (caseId, started, replied) in filed)
        {
            if (!applied.TryGetValue(caseId, out var at)) continue;
            call.Add((replied - started).TotalMilliseconds);
            relay.Add((at.Sent - at.Created).TotalMilliseconds);
            endToEnd.Add((at.Applied - started).TotalMilliseconds);
            afterReply.Add(Math.Max(0, (at.Applied - replied).TotalMilliseconds));
        }
        Console.WriteLine($"Case → disclosure latency: {filed.Count} complaints at {perSecond} per second, {Environment.ProcessorCount} cores, RabbitMQ + PostgreSQL; "
            + $"{applied.Count} counted");
        Console.WriteLine();
        Console.WriteLine(Latencies.Header);
        foreach (var row in new[] { call, relay, endToEnd, afterReply }) Console.WriteLine(row.Row());
    }

    private static async Task<List<(string CaseId, DateTimeOffset Started, DateTimeOffset Replied)>> FileAtRateAsync(
        CasesClient client, Metadata headers, double perSecond, int count)
    {
        var clock = Stopwatch.StartNew();
        var calls = new List<Task<(string, DateTimeOffset, DateTimeOffset)>>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            calls.Add(FileAsync(client, headers, i));
        }
        return [.. await Task.WhenAll(calls)];
    }

    private static async Task<(string, DateTimeOffset, DateTimeOffset)> FileAsync(CasesClient client, Metadata headers, int i)
    {
        var started = DateTimeOffset.UtcNow;
        var created = await client.CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = Jurisdiction,
            Address = $"苏州市吴中区木渎镇{i}号",
            PollutionType = PollutionType.Noise,
            Description = "工地夜间施工噪声扰民",
            Channel = Channel.Hotline12369,
        }, headers);
        return (created.Id, started, DateTimeOffset.UtcNow);
    }

    /// <summary>Per case: when its event was committed, confirmed by the broker, and applied by disclosure.</summary>
    private async Task<Dictionary<string, (DateTimeOffset Created, DateTimeOffset Sent, DateTimeOffset Applied)>> WaitForAppliedAsync(
        HashSet<string> caseIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var events = await QueryAsync(casesDb,
                "SELECT \"EventId\", \"Payload\", \"CreatedAt\", \"SentAt\" FROM outbox_messages WHERE \"Topic\" = 'cases.case-received' AND \"SentAt\" IS NOT NULL",
                r => (EventId: r.GetString(0), CaseId: CaseIdOf(r.GetString(1)), Created: r.GetFieldValue<DateTimeOffset>(2), Sent: r.GetFieldValue<DateTimeOffset>(3)));
            var applied = (await QueryAsync(disclosureDb,
                "SELECT \"EventId\", \"ProcessedAt\" FROM inbox_messages WHERE \"Consumer\" = 'disclosure-cases.case-received'",
                r => (EventId: r.GetString(0), At: r.GetFieldValue<DateTimeOffset>(1)))).ToDictionary(a => a.EventId, a => a.At, StringComparer.Ordinal);
            var result = events.Where(e => caseIds.Contains(e.CaseId) && applied.ContainsKey(e.EventId))
                .ToDictionary(e => e.CaseId, e => (e.Created, e.Sent, applied[e.EventId]), StringComparer.Ordinal);
            if (result.Count == caseIds.Count || DateTime.UtcNow > deadline) return result;
            await Task.Delay(500);
        }
    }

    private static string CaseIdOf(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("data").GetProperty("caseId").GetString()!;
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
