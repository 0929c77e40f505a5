using Ducha.Standalone;
using Ducha.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>
/// A standalone host started in-process for tests: on a free loopback port, over a data folder of its own, with its clock
/// at <c>now</c> and the deadline watch left to the tests (its background pass would race them).
/// </summary>
public sealed class StandaloneTestHost(WebApplication app, Uri address, string dataDir, bool ownsData) : IAsyncDisposable
{
    public WebApplication App => app;
    public Uri Address => address;
    public IServiceProvider Services => app.Services;

    public static async Task<StandaloneTestHost> StartAsync(DateTimeOffset now, IEnumerable<string> settings,
        Action<WebApplicationBuilder>? configure = null, string? dataDir = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var folder = dataDir ?? Directory.CreateTempSubdirectory("ducha-test-").FullName;
        var app = StandaloneApp.Create([$"--urls={address}", $"--DUCHA_DATA_DIR={folder}", "--Cases:DeadlineWatchInterval=1.00:00:00", .. settings],
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(new Ducha.BuildingBlocks.Time.MovableClock(now));
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        return new StandaloneTestHost(app, address, folder, ownsData: dataDir is null);
    }

    /// <summary>Stops the host; a data folder it made itself goes with it, one the test passed in stays for the next host.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (!ownsData) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }
}
