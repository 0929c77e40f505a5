using Ducha.Testing;
using Ducha.WebConsole.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.IntegrationTests.Console;

/// <summary>
/// One replica of the console as its own host runs it (services/WebConsole/Program.cs), in this process on a free port:
/// its own content root, the console database it shares with its sibling, cases reached by name, and a wall clock the
/// test can move so that sessions and form claims expire while it watches.
/// </summary>
public sealed class ConsoleReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _contentRoot;

    private ConsoleReplica(WebApplication app, Uri address, string contentRoot)
    {
        _app = app;
        Address = address;
        _contentRoot = contentRoot;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<ConsoleReplica> StartAsync(string consoleDatabase, Uri cases, TimeProvider wallClock)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // Two pods need not share a path; the key ring's application name, not the folder, is what ties them.
        var contentRoot = Directory.CreateTempSubdirectory("ducha-console-replica-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = contentRoot,
            Args =
            [
                $"--urls={address}", $"--ConnectionStrings:webconsoledb={consoleDatabase}", $"--services:cases:http:0={cases}",
            ],
        });
        builder.AddServiceDefaults(WebConsoleModule.AppId);
        builder.AddWebConsoleHost();
        builder.AddWebConsole();
        builder.Services.AddKeyedSingleton(WallClock.Key, wallClock);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapWebConsole();
        await app.StartAsync();
        return new ConsoleReplica(app, address, contentRoot);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_contentRoot, true); } catch (IOException) { }
    }
}
