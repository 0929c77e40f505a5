using System.Net;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Grpc.Health.V1;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>The standalone host as a newcomer runs it: one process, one port, SQLite, the in-memory bus.</summary>
public sealed class StandaloneProcessTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("ducha-standalone-process-").FullName;

    [Fact]
    public async Task All_five_services_answer_on_one_port_and_a_case_reaches_disclosure()
    {
        using var standalone = await ServiceProcess.StartAsync("Standalone", "Ducha.Standalone",
            new Dictionary<string, string> { ["DUCHA_DATA_DIR"] = _dataDir });
        using var grpc = GrpcChannel.ForAddress(standalone.Address);
        var token = TokenIssuer.ForDevelopment().Issue("320000", "office", "standalone-e2e");
        var channel = grpc.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; });
        using var http = new HttpClient { BaseAddress = standalone.Address };

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        using var rest = await http.GetAsync("/health");
        var park = await http.GetStringAsync("/api/jurisdictions/320576");
        var deadline = await http.GetStringAsync("/api/calendar/working-days/add?from=2024-09-27&days=5");
        var created = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(channel).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320583",
            Address = "昆山市周市镇",
            PollutionType = PollutionType.Water,
            Description = "河道发黑发臭",
            Channel = Channel.WebApp,
        });
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(channel);
        long received = 0;
        for (var i = 0; i < 300 && received == 0; i++)
        {
            received = (await disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = "320583" }))
                .Counts.SingleOrDefault()?.Received ?? 0;
            if (received == 0) await Task.Delay(100);
        }

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Contains("苏州工业园区", park);
        Assert.Contains("\"date\":\"2024-10-10\"", deadline);
        Assert.NotEmpty(created.Id);
        Assert.Equal(1, received);
        Assert.True(File.Exists(Path.Combine(_dataDir, "cases.db")), "each service keeps its own SQLite file in the data folder");
        Assert.True(File.Exists(Path.Combine(_dataDir, "disclosure.db")));
        Assert.True(File.Exists(Path.Combine(_dataDir, "webconsole.db")), "the console keeps its sessions and keys in a file of its own");
        Assert.Contains("督察（Ducha）单机版已启动", standalone.OutputTail);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}
