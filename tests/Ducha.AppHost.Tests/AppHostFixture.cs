using Ducha.Testing;
using System.Diagnostics;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.AppHost.Tests;

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}

/// <summary>
/// One AppHost for the whole collection, on the local Debian binaries (forced, so the run is the same with or without a
/// container engine), its data in a folder of its own, its services exporting traces to <see cref="Traces"/>. The
/// signing key is passed as the AppHost's parameter, so the test mints tokens the services accept.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["cases", "exposure", "assessment", "secondment", "disclosure", "webconsole"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDir = Directory.CreateTempSubdirectory("ducha-apphost-test-").FullName;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private DistributedApplication? _app;

    public OtlpReceiver Traces { get; private set; } = null!;
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");
    public TokenIssuer Tokens { get; }

    public AppHostFixture()
    {
        var key = new IdentityOptions { SigningKey = _signingKey }.ResolveKey(isDevelopment: false);
        Tokens = new TokenIssuer(new SigningCredentials(key, SecurityAlgorithms.HmacSha256), new IdentityOptions(),
            JurisdictionTree.LoadEmbedded(), TimeProvider.System);
    }

    public async Task InitializeAsync()
    {
        Traces = await OtlpReceiver.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ducha_AppHost>(
        [
            "--Infrastructure:Mode=local",
            $"--Infrastructure:DataDir={_dataDir}",
            $"--Parameters:identity-signing-key={_signingKey}",
            $"--Parameters:cases-reporter-key={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
        ]);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        }

        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(Services.Select(s => notifications.WaitForResourceHealthyAsync(s, timeout.Token)));
    }

    public Uri Endpoint(string service) => App.GetEndpoint(service, "http");

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Traces.DisposeAsync();
        await KillLeftoversAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// DCP stops what it started; should a RabbitMQ or PostgreSQL process of this run's data folder still be there after
    /// 30 s, it is killed so no test leaves servers behind.
    /// </summary>
    private async Task KillLeftoversAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var left = ProcessesUsing(_dataDir);
            if (left.Count == 0) return;
            if (DateTime.UtcNow > deadline)
            {
                foreach (var process in left)
                {
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                }
                return;
            }
            await Task.Delay(500);
        }
    }

    public static List<Process> ProcessesUsing(string folder) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(folder, StringComparison.Ordinal))
            .Select(pid => { try { return Process.GetProcessById(pid); } catch (ArgumentException) { return null; } })
            .OfType<Process>()
            .ToList();

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    public string DataDir => _dataDir;
}
