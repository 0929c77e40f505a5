using Ducha.Identity;
using Ducha.Standalone;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// One standalone host (in-process, a free port, a data folder of its own, the clock at a fixed moment) and one Chromium
/// for every browser test, so the suite pays their start-up once. Each test opens its own browser context: its own cookies.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>10:00 on Friday 27 September 2024 in Beijing, the working day before the National Day week.</summary>
    public static readonly DateTimeOffset Now = new(2024, 9, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private WebApplication _app = null!;
    private string _dataDir = null!;
    private ConsoleBrowser _browser = null!;

    public Uri Address { get; private set; } = null!;
    public IBrowser Browser => _browser.Browser;
    public GrpcChannel Channel { get; private set; } = null!;
    /// <summary>The host's services: for the background work a test cannot wait a day for (a pass of the deadline watch).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Where screenshots go: beside the test assembly, kept as the run's artifacts.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        _dataDir = Directory.CreateTempSubdirectory("ducha-console-test-").FullName;
        _app = StandaloneApp.Create([$"--urls={Address}", $"--DUCHA_DATA_DIR={_dataDir}", "--Cases:DeadlineWatchInterval=1.00:00:00"],
            builder => builder.Services.AddSingleton<TimeProvider>(new FixedStartTimeProvider(Now)));
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress(Address);
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    /// <summary>A fresh browser context (no cookies) and a page in it, at a laptop's size unless told otherwise.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 768) => _browser.NewPageAsync(Address, width, height);

    /// <summary>gRPC as an office (or a unit's handler) of <paramref name="code"/>, to set up what the pages should show.</summary>
    public CallInvoker As(string code, string role = "office", string? unit = null) => Channel.Intercept(metadata =>
    {
        metadata.Add("Authorization", "Bearer " + _app.Services.GetRequiredService<TokenIssuer>().Issue(code, role, $"test-{role}-{code}", unit: unit));
        return metadata;
    });

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}

/// <summary>Real time, started at a chosen moment: pages and services agree on "today" whatever day the suite runs.</summary>
public sealed class FixedStartTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
