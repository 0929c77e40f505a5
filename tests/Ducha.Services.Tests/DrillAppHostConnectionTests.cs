using System.Net;
using Ducha.Drill.Chaos;
using Ducha.Drill.Target;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>
/// An AppHost the drill cannot watch (`load`, `run` and `chaos` with --apphost) is the operator's to mend, and is said in one
/// line (<see cref="DrillSetupException"/>, exit code 2) rather than as a stack trace.
/// </summary>
public sealed class DrillAppHostConnectionTests
{
    [Fact]
    public async Task An_address_that_sends_no_resources_is_refused_naming_it_and_what_it_should_be()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        var refused = await Assert.ThrowsAsync<DrillSetupException>(() =>
            AppHostResources.ConnectAsync(address, null, CancellationToken.None, TimeSpan.FromSeconds(1)));

        Assert.Contains(address.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_apphost_refuses_is_said_at_once()
    {
        // A resource service answering every call as the AppHost answers a wrong key.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        await using var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "16");
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var refused = await Assert.ThrowsAsync<DrillSetupException>(() =>
            AppHostResources.ConnectAsync(address, "not-the-key", CancellationToken.None, TimeSpan.FromSeconds(20)));

        Assert.Contains("--apphost-key", refused.Message, StringComparison.Ordinal);
    }
}
