using Ducha.Testing;

namespace Ducha.IntegrationTests.Console;

/// <summary>The cases service the console replicas call, as its own process on SQLite, once for the class.</summary>
public sealed class CasesForConsoles : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("ducha-console-replicas-cases-").FullName;
    private ServiceProcess? _cases;

    public Uri Address => _cases?.Address ?? throw new InvalidOperationException("cases has not started");

    public async Task InitializeAsync() =>
        _cases = await ServiceProcess.StartAsync("Cases", "Ducha.Cases", new Dictionary<string, string> { ["DUCHA_DATA_DIR"] = _dataDir });

    public Task DisposeAsync()
    {
        _cases?.Dispose();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
