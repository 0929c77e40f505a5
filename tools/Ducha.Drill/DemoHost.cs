using Ducha.Standalone;
using Microsoft.AspNetCore.Builder;

namespace Ducha.Drill;

/// <summary>
/// A fresh standalone host in the drill's own process for <c>drill demo</c>: a new data folder, the development clock
/// started on the demo's first morning, its log kept to warnings so the progress stays readable.
/// </summary>
public sealed class DemoHost(WebApplication app, Uri address, string dataDir) : IAsyncDisposable
{
    public Uri Address => address;
    public string DataDir => dataDir;

    public static async Task<DemoHost> StartAsync(DateOnly start, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ducha-demo-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(dataDir);
        var address = new Uri(StandaloneDefaults.DefaultUrl);
        var morning = new DateTimeOffset(start.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
        var app = StandaloneApp.Create([$"--urls={address}", $"--DUCHA_DATA_DIR={dataDir}", $"--{DevelopmentClock.Setting}={morning:O}",
            "--Logging:LogLevel:Default=Warning", "--environment=Development"]);
        await app.StartAsync(cancellationToken);
        return new DemoHost(app, address, dataDir);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
