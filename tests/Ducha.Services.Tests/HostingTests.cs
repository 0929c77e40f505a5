using System.Net;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class HostingTests(StandaloneFixture host)
{
    [Fact]
    public async Task Health_answers_200_over_HTTP_1_1_on_the_shared_port()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/alive")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ducha.cases.v1.Cases")]
    [InlineData("ducha.cases.v1.Units")]
    [InlineData("ducha.exposure.v1.Exposure")]
    [InlineData("ducha.assessment.v1.Assessment")]
    [InlineData("ducha.secondment.v1.Secondment")]
    [InlineData("ducha.disclosure.v1.Disclosure")]
    public async Task The_gRPC_health_service_answers_SERVING_over_h2c(string service)
    {
        var health = new Health.HealthClient(host.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_lists_all_five_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(host.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("ducha.cases.v1.Cases", names);
        Assert.Contains("ducha.cases.v1.Units", names);
        Assert.Contains("ducha.exposure.v1.Exposure", names);
        Assert.Contains("ducha.assessment.v1.Assessment", names);
        Assert.Contains("ducha.secondment.v1.Secondment", names);
        Assert.Contains("ducha.disclosure.v1.Disclosure", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task The_root_is_the_console_which_sends_a_stranger_to_sign_in_in_Chinese()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };

        using var root = await http.GetAsync("/");
        var signIn = await http.GetStringAsync(root.Headers.Location);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/signin", root.Headers.Location!.AbsolutePath);
        Assert.Contains("lang=\"zh-CN\"", signIn);
        Assert.Contains("登录", signIn);
    }
}
