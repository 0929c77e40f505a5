using Ducha.Contracts.Exposure.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// Cases and exposure as their own processes for <see cref="ExposureAiringDistributedTests"/>, started once for its
/// tests on the suite's RabbitMQ and PostgreSQL: exposure finds cases at <c>services__cases__http__0</c>, polls for
/// openings twice a second, and both export their spans to one collector.
/// </summary>
public sealed class AiringServices(RabbitMqFixture rabbit, PostgresFixture postgres) : IAsyncLifetime
{
    /// <summary>What exposure logs each time an opening fails because cases did not answer.</summary>
    public const string CasesUnavailable = "Cases unavailable";

    private readonly TokenIssuer _tokens = TokenIssuer.ForDevelopment();
    private readonly List<GrpcChannel> _channels = [];
    private OtlpReceiver? _collector;
    private ServiceProcess? _cases;
    private ServiceProcess? _exposure;
    private string? _casesDb;

    public OtlpReceiver Collector => _collector ?? throw new InvalidOperationException("not started");
    public ServiceProcess CasesProcess => _cases ?? throw new InvalidOperationException("not started");
    public ServiceProcess ExposureProcess => _exposure ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _collector = await OtlpReceiver.StartAsync();
        var common = new Dictionary<string, string>
        {
            ["EventBus__Transport"] = "rabbitmq",
            ["ConnectionStrings__rabbitmq"] = rabbit.Server.AmqpUri,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        _casesDb = await postgres.Server.CreateDatabaseAsync();
        _cases = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", new Dictionary<string, string>(common) { ["ConnectionStrings__casesdb"] = _casesDb });
        _exposure = await ServiceProcess.StartAsync("Exposure", "Ducha.Exposure", new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__exposuredb"] = await postgres.Server.CreateDatabaseAsync(),
            ["services__cases__http__0"] = _cases.Address.ToString(),
            ["Exposure__CaseOpenerPollInterval"] = "00:00:00.500",
        }, [CasesUnavailable]);
    }

    public string Token(string jurisdiction) => _tokens.Issue(jurisdiction, "office", "e2e-airing", TimeSpan.FromHours(1));

    public ExposureClient Exposure(string jurisdiction) => new(Invoker(ExposureProcess, jurisdiction));

    public CasesClient Cases(string jurisdiction) => new(Invoker(CasesProcess, jurisdiction));

    private CallInvoker Invoker(ServiceProcess process, string jurisdiction)
    {
        var channel = GrpcChannel.ForAddress(process.Address);
        lock (_channels) _channels.Add(channel);
        var token = Token(jurisdiction);
        return Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(), m => { m.Add("Authorization", "Bearer " + token); return m; });
    }

    /// <summary>The problem once exposure shows the case cases opened for it.</summary>
    public static async Task<ExposureProblem> WithCaseAsync(ExposureClient office, string exposureId, TimeSpan patience)
    {
        var problem = await Eventually.UntilAsync(async () => await office.GetExposureAsync(new GetExposureRequest { Id = exposureId }),
            p => p.CaseId.Length > 0, patience);
        Assert.True(problem.CaseId.Length > 0, $"exposure {exposureId} got no case within {patience.TotalSeconds:0} s");
        return problem;
    }

    /// <summary>How many cases cases' own database holds under this idempotency key.</summary>
    public async Task<long> CasesWithKeyAsync(string key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_casesDb);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cases WHERE \"IdempotencyKey\" = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void WriteTails(ITestOutputHelper output)
    {
        if (_cases is not null) output.WriteLine("--- cases ---\n" + _cases.OutputTail);
        if (_exposure is not null) output.WriteLine("--- exposure ---\n" + _exposure.OutputTail);
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        _exposure?.Dispose();
        _cases?.Dispose();
        if (_collector is not null) await _collector.DisposeAsync();
    }
}
