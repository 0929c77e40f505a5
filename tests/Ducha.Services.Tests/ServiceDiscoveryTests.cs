using Ducha.Contracts.Cases.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class ServiceDiscoveryTests(StandaloneFixture host)
{
    [Fact]
    public void The_standalone_host_points_every_service_name_at_itself()
    {
        foreach (var name in new[] { "cases", "exposure", "assessment", "secondment", "disclosure" })
            Assert.Equal(host.Address.ToString().TrimEnd('/'), host.Configuration[$"services:{name}:http:0"]);
    }

    [Fact]
    public async Task A_service_client_addressed_by_name_reaches_the_service_over_the_network()
    {
        // A second process's view: it knows the cases service only by name and discovery configuration.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["services:cases:http:0"] = host.Address.ToString() });
        builder.AddServiceDefaults("discovery-test");
        builder.Services.AddServiceClient<Ducha.Contracts.Cases.V1.Cases.CasesClient>("cases");
        using var caller = builder.Build();

        var client = caller.Services.GetRequiredService<Ducha.Contracts.Cases.V1.Cases.CasesClient>();
        var token = new Grpc.Core.Metadata { { "Authorization", "Bearer " + host.Tokens.Issue("320500", "office", "discovery-test") } };
        var created = await client.CreateCaseAsync(CasesApiTests.ValidCase(), token);
        var read = await client.GetCaseAsync(new GetCaseRequest { Id = created.Id }, token);

        Assert.Equal(created.Id, read.Id);
    }
}
