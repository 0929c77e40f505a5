using Ducha.Contracts.Exposure.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>
/// Cases, exposure, disclosure and assessment as their own processes for <see cref="ExposureAiringDistributedTests"/>, started
/// once for its tests on the suite's RabbitMQ and PostgreSQL, each with a database of its own: exposure and disclosure find
/// cases at <c>services__cases__http__0</c>, exposure polls for openings and disclosure for cases' facts twice a second,
/// and cases and exposure export their spans to one collector. Secondment, which finds cases there too and is traced, is
/// started by the first test that asks for it (<see cref="SecondmentProcessAsync"/>), so the tests without it do not wait.
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
    private ServiceProcess? _disclosure;
    private ServiceProcess? _assessment;
    private string? _casesDb;
    private Dictionary<string, string>? _traced;
    private readonly Lock _secondmentGate = new();
    private Task<ServiceProcess>? _secondmentStart;
    private ServiceProcess? _secondment;

    public OtlpReceiver Collector => _collector ?? throw new InvalidOperationException("not started");
    public ServiceProcess CasesProcess => _cases ?? throw new InvalidOperationException("not started");
    public ServiceProcess ExposureProcess => _exposure ?? throw new InvalidOperationException("not started");
    public ServiceProcess DisclosureProcess => _disclosure ?? throw new InvalidOperationException("not started");
    public ServiceProcess AssessmentProcess => _assessment ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _collector = await OtlpReceiver.StartAsync();
        var bus = new Dictionary<string, string>
        {
            ["EventBus__Transport"] = "rabbitmq",
            ["ConnectionStrings__rabbitmq"] = rabbit.Server.AmqpUri,
        };
        var traced = _traced = new Dictionary<string, string>(bus)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        _casesDb = await postgres.Server.CreateDatabaseAsync();
        _cases = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", new Dictionary<string, string>(traced) { ["ConnectionStrings__casesdb"] = _casesDb });
        var exposureDb = await postgres.Server.CreateDatabaseAsync();
        var disclosureDb = await postgres.Server.CreateDatabaseAsync();
        var assessmentDb = await postgres.Server.CreateDatabaseAsync();
        // Started side by side: neither needs the other, and each start costs seconds.
        var exposure = ServiceProcess.StartAsync("Exposure", "Ducha.Exposure", new Dictionary<string, string>(traced)
        {
            ["ConnectionStrings__exposuredb"] = exposureDb,
            ["services__cases__http__0"] = _cases.Address.ToString(),
            ["Exposure__CaseOpenerPollInterval"] = "00:00:00.500",
        }, [CasesUnavailable]);
        // Untraced: the airing tests read whole traces, and the spans of disclosure's consumers and fetcher are not theirs.
        var disclosure = ServiceProcess.StartAsync("Disclosure", "Ducha.Disclosure", new Dictionary<string, string>(bus)
        {
            ["ConnectionStrings__disclosuredb"] = disclosureDb,
            ["services__cases__http__0"] = _cases.Address.ToString(),
            ["Disclosure__FactsFetcherPollInterval"] = "00:00:00.500",
        });
        // Untraced too: it only consumes, from cases and exposure, what costs points in the assessment.
        var assessment = ServiceProcess.StartAsync("Assessment", "Ducha.Assessment", new Dictionary<string, string>(bus)
        {
            ["ConnectionStrings__assessmentdb"] = assessmentDb,
        });
        try
        {
            await Task.WhenAll(exposure, disclosure, assessment);
        }
        finally
        {
            if (exposure.IsCompletedSuccessfully) _exposure = exposure.Result;
            if (disclosure.IsCompletedSuccessfully) _disclosure = disclosure.Result;
            if (assessment.IsCompletedSuccessfully) _assessment = assessment.Result;
        }
    }

    /// <summary>
    /// The secondment process, started on the first call (once, whoever calls) with a database of its own, finding cases
    /// at <c>services__cases__http__0</c> (the unit registers and the cases it checks live there) and traced.
    /// </summary>
    public Task<ServiceProcess> SecondmentProcessAsync()
    {
        lock (_secondmentGate) return _secondmentStart ??= StartSecondmentAsync();
    }

    private async Task<ServiceProcess> StartSecondmentAsync()
    {
        var traced = _traced ?? throw new InvalidOperationException("not started");
        return _secondment = await ServiceProcess.StartAsync("Secondment", "Ducha.Secondment", new Dictionary<string, string>(traced)
        {
            ["ConnectionStrings__secondmentdb"] = await postgres.Server.CreateDatabaseAsync(),
            ["services__cases__http__0"] = CasesProcess.Address.ToString(),
        });
    }

    public string Token(string jurisdiction, string role = "office", string? unit = null, string subject = "e2e-airing") =>
        _tokens.Issue(jurisdiction, role, subject, TimeSpan.FromHours(1), unit: unit);

    public ExposureClient Exposure(string jurisdiction) => new(Invoker(ExposureProcess, Token(jurisdiction)));

    public CasesClient Cases(string jurisdiction) => new(Invoker(CasesProcess, Token(jurisdiction)));

    /// <summary>Cases as a handler of <paramref name="unit"/> of <paramref name="jurisdiction"/> sees it.</summary>
    public CasesClient CasesHandler(string jurisdiction, string unit) => new(Invoker(CasesProcess, Token(jurisdiction, "handler", unit)));

    /// <summary>Cases as the handler <paramref name="subject"/> (the person signing in) of <paramref name="unit"/> sees it.</summary>
    public CasesClient CasesHandler(string jurisdiction, string unit, string subject) => new(Invoker(CasesProcess, Token(jurisdiction, "handler", unit, subject)));

    public UnitsClient Units(string jurisdiction) => new(Invoker(CasesProcess, Token(jurisdiction)));

    public async Task<SecondmentClient> SecondmentAsync(string jurisdiction) => new(Invoker(await SecondmentProcessAsync(), Token(jurisdiction)));

    public DisclosureClient Disclosure(string jurisdiction) => new(Invoker(DisclosureProcess, Token(jurisdiction)));

    public AssessmentClient Assessment(string jurisdiction, string role = "office") => new(Invoker(AssessmentProcess, Token(jurisdiction, role)));

    private CallInvoker Invoker(ServiceProcess process, string token)
    {
        var channel = GrpcChannel.ForAddress(process.Address);
        lock (_channels) _channels.Add(channel);
        return Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(),
            m => { m.Add("Authorization", "Bearer " + token); return m; });
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
        if (_disclosure is not null) output.WriteLine("--- disclosure ---\n" + _disclosure.OutputTail);
        if (_assessment is not null) output.WriteLine("--- assessment ---\n" + _assessment.OutputTail);
        if (_secondment is not null) output.WriteLine("--- secondment ---\n" + _secondment.OutputTail);
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        _secondment?.Dispose();
        _assessment?.Dispose();
        _disclosure?.Dispose();
        _exposure?.Dispose();
        _cases?.Dispose();
        if (_collector is not null) await _collector.DisposeAsync();
    }
}
