using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Xunit.Abstractions;
using static Ducha.Testing.Otlp.Span.Types;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// Cases and disclosure as separate processes on the real RabbitMQ and PostgreSQL: a case created over gRPC reaches
/// disclosure, and the spans both processes export form one trace across the call, the relay, the broker and the consumer;
/// disclosure's read model shows the case's findings, asked of cases with its own identity, and a rebuild from its logs
/// on PostgreSQL equals the live model.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DistributedTests(RabbitMqFixture rabbit, PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_case_created_over_gRPC_reaches_disclosure_in_one_trace_and_closes_without_leaking_its_reporter()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var common = new Dictionary<string, string>
        {
            ["EventBus__Transport"] = "rabbitmq",
            ["ConnectionStrings__rabbitmq"] = rabbit.Server.AmqpUri,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        var casesDb = await postgres.Server.CreateDatabaseAsync();
        using var cases = await ServiceProcess.StartAsync("Cases", "Ducha.Cases",
            new Dictionary<string, string>(common) { ["ConnectionStrings__casesdb"] = casesDb });
        var disclosureDb = await postgres.Server.CreateDatabaseAsync();
        using var disclosure = await ServiceProcess.StartAsync("Disclosure", "Ducha.Disclosure", new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__disclosuredb"] = disclosureDb,
            ["services__cases__http__0"] = cases.Address.ToString(),
            ["Disclosure__FactsFetcherPollInterval"] = "00:00:00.500",
        });
        try
        {
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            var token = "Bearer " + TokenIssuer.ForDevelopment().Issue("320500", "office", "e2e");
            var headers = new Metadata
            {
                { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" },
                { "Authorization", token },
            };
            using var casesChannel = GrpcChannel.ForAddress(cases.Address);
            using var disclosureChannel = GrpcChannel.ForAddress(disclosure.Address);

            var created = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(casesChannel).CreateCaseAsync(new CreateCaseRequest
            {
                JurisdictionCode = "320506",
                Address = "苏州市吴中区木渎镇",
                PollutionType = PollutionType.Noise,
                Description = "工地夜间施工噪声扰民",
                Channel = Channel.Hotline12369,
                Reporter = new Reporter { Name = ReporterName, Phone = ReporterPhone, Address = "木渎镇某小区" },
            }, headers);

            await WalkToClosureAsync(casesChannel, created.Id);

            var counts = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(disclosureChannel);
            var received = await Eventually.UntilAsync(async () => (await counts.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = "320506" }, new Metadata { { "Authorization", token } }))
                .Counts.SingleOrDefault()?.Received ?? 0, n => n == 1, TimeSpan.FromSeconds(90));
            Assert.Equal(1, received);

            var trace = await Eventually.UntilAsync(() => Task.FromResult(collector.Spans.Where(s => s.TraceId == traceId).ToList()),
                spans => spans.Any(s => s.Service == "disclosure" && s.Kind == SpanKind.Consumer), TimeSpan.FromSeconds(90));
            foreach (var span in trace) output.WriteLine($"{span.Service} {span.Kind} {span.Name} {span.SpanId} <- {span.ParentSpanId}");

            var server = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Server && s.Name.Contains("CreateCase"));
            var send = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Producer && s.Name == "send cases.case-received");
            var process = Assert.Single(trace, s => s.Service == "disclosure" && s.Kind == SpanKind.Consumer && s.Name == "process cases.case-received");
            // The relay continues the request's trace; the consumer continues it across the broker, under the RabbitMQ
            // client's publish span, itself under the relay's send.
            Assert.Equal(server.SpanId, send.ParentSpanId);
            var publish = Assert.Single(trace, s => s.Service == "cases" && s.Kind == SpanKind.Producer && s.ParentSpanId == send.SpanId);
            Assert.Equal(publish.SpanId, process.ParentSpanId);
            Assert.NotEmpty(created.Id);

            // The read model: the events applied, then the accepted findings fetched from cases by the disclosure service itself.
            // An assignment at night reaches the county at 08:00 of the next working day: the period runs on a few days.
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var (from, to) = (today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var read = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(disclosureChannel);
            var disclosed = await Eventually.UntilAsync(async () => (await read.ListDisclosedCasesAsync(
                    new ListDisclosedCasesRequest { JurisdictionCode = CaseWalk.County, From = from, To = to }, new Metadata { { "Authorization", token } }))
                .Cases.SingleOrDefault(), c => c is { Status: Ducha.Contracts.Cases.V1.CaseStatus.Closed, FactsPending: false }, TimeSpan.FromSeconds(90));
            Assert.NotNull(disclosed);
            Assert.Equal(("夜间施工属实，未办理夜间施工许可", "责令停止夜间施工并处罚款", Rectification.Completed), (disclosed.Findings, disclosed.Result, disclosed.Rectification));
            // Rebuilt on PostgreSQL from disclosure's own logs, it is the live model again, row for row.
            var admin = new Metadata { { "Authorization", "Bearer " + TokenIssuer.ForDevelopment().Issue("320000", "admin", "e2e-operator") } };
            var rebuild = await read.RebuildReadModelsAsync(new RebuildReadModelsRequest { DryRun = true }, admin);
            Assert.Equal((0, 0), (rebuild.Differing, (int)rebuild.EventsSkipped));
            Assert.True(rebuild.EventsReplayed >= 7 && rebuild.FactsReplayed >= 1, $"replayed {rebuild.EventsReplayed} events, {rebuild.FactsReplayed} answers");

            // The reporter is confidential: in no log line, exported span, log or metric, nor in the event on the bus.
            await Task.Delay(TimeSpan.FromSeconds(1)); // let the batch exporters flush once more
            // The search would find it: the case's own id is in both the console log and the exported logs.
            Assert.Contains(created.Id, cases.Output);
            Assert.True(await Eventually.UntilAsync(() => Task.FromResult(collector.AnyPayloadContains(created.Id)), found => found, TimeSpan.FromSeconds(90)));
            foreach (var secret in new[] { ReporterName, ReporterPhone })
            {
                Assert.DoesNotContain(secret, cases.Output);
                Assert.DoesNotContain(secret, disclosure.Output);
                Assert.False(collector.AnyPayloadContains(secret), $"telemetry carried '{secret}'");
                Assert.DoesNotContain(secret, await OutboxPayloadsAsync(casesDb));
                Assert.DoesNotContain(secret, await KeptByDisclosureAsync(disclosureDb));
            }
        }
        catch
        {
            output.WriteLine("--- cases ---\n" + cases.OutputTail);
            output.WriteLine("--- disclosure ---\n" + disclosure.OutputTail);
            throw;
        }
    }

    /// <summary>The case walked to closure with development tokens; the unit sees the reporter while it holds the case.</summary>
    private static async Task WalkToClosureAsync(GrpcChannel channel, string caseId)
    {
        var issuer = TokenIssuer.ForDevelopment();
        Func<Metadata, Metadata> Authorize(string jurisdiction, string role, string? unit) =>
            m => { m.Add("Authorization", "Bearer " + issuer.Issue(jurisdiction, role, "e2e", unit: unit)); return m; };

        var closed = await CaseWalk.ToClosureAsync(channel.CreateCallInvoker(), Authorize, caseId, async handler =>
            Assert.Equal(ReporterName, (await handler.GetCaseAsync(new GetCaseRequest { Id = caseId })).Reporter.Name));

        Assert.Equal(CaseStatus.Closed, closed.Status);
        var city = new Ducha.Contracts.Cases.V1.Cases.CasesClient(channel.Intercept(Authorize(CaseWalk.City, "office", null)));
        Assert.True((await city.VerifyHistoryAsync(new VerifyHistoryRequest { Id = caseId })).Intact);
    }

    private const string ReporterName = "赵淑芬";
    private const string ReporterPhone = "13800138000";

    /// <summary>What disclosure keeps of cases: the events it applied and the answers it fetched.</summary>
    private static async Task<string> KeptByDisclosureAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT coalesce((SELECT string_agg(\"Data\", '|') FROM applied_events), '') || '|' || coalesce((SELECT string_agg(\"Payload\", '|') FROM fetched_case_facts), '')",
            connection);
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

    private static async Task<string> OutboxPayloadsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(\"Payload\", '|') FROM outbox_messages", connection);
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

}
