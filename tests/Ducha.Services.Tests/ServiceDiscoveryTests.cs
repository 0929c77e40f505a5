using System.Net.Http.Json;
using System.Security.Claims;
using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
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
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TokenIssuer.ForDevelopment());
        builder.Services.AddServiceClient<Ducha.Contracts.Cases.V1.Cases.CasesClient>("cases", "disclosure");
        using var caller = builder.Build();
        // The second process is serving a request of 李四, a clerk of the Suzhou office.
        caller.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new("sub", "李四"), new(DuchaClaims.Jurisdiction, "320500"), new(DuchaClaims.Level, "city"), new(DuchaClaims.Role, "office")], "test")),
        };
        var created = await new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.As("320500")).CreateCaseAsync(CasesApiTests.ValidCase());

        var client = caller.Services.GetRequiredService<Ducha.Contracts.Cases.V1.Cases.CasesClient>();
        var read = await client.GetCaseAsync(new GetCaseRequest { Id = created.Id });
        // The callee tells the service from the person: a service reads on the person's behalf but files no complaint.
        var write = await Assert.ThrowsAsync<RpcException>(() => client.CreateCaseAsync(CasesApiTests.ValidCase()).ResponseAsync);

        Assert.Equal(created.Id, read.Id);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.Contains("service", write.Status.Detail);
    }

    [Fact]
    public async Task A_service_token_says_whose_behalf_it_acts_on()
    {
        var person = new Ducha.BuildingBlocks.Actor("李四", Ducha.BuildingBlocks.Role.Office, "320500", "city");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", host.Tokens.IssueForService("disclosure", person));

        var me = await (await host.Http.SendAsync(request)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal("service", me.GetProperty("role").GetString());
        Assert.Equal("disclosure", me.GetProperty("subject").GetString());
        Assert.Equal("李四", me.GetProperty("onBehalfOf").GetString());
        Assert.Equal("320500", me.GetProperty("jurisdictionCode").GetString());
    }

    [Fact]
    public async Task A_service_acting_for_itself_names_no_one_and_reaches_the_jurisdiction_it_was_given()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", host.Tokens.IssueForServiceItself("disclosure", "320000"));

        var me = await (await host.Http.SendAsync(request)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(("service", "disclosure", "320000"), (me.GetProperty("role").GetString(), me.GetProperty("subject").GetString(),
            me.GetProperty("jurisdictionCode").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("onBehalfOf").ValueKind);
    }
}
