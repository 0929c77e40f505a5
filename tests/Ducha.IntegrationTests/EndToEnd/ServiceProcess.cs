using Ducha.Testing;

namespace Ducha.IntegrationTests.EndToEnd;

/// <summary>One service running as its own OS process from its build output, as a deployment runs it.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly BackgroundProcess _process;

    private ServiceProcess(string name, BackgroundProcess process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public string OutputTail => _process.OutputTail(60);
    public string Output => _process.OutputTail(int.MaxValue);

    public static async Task<ServiceProcess> StartAsync(string project, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryRoot(), "services", project, "bin", BuildConfiguration(), "net10.0", assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var env = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        var process = ExternalProcess.Start("dotnet", [dll], new ExternalProcessOptions { Environment = env, WorkingDirectory = Path.GetDirectoryName(dll) });
        var service = new ServiceProcess(project, process, address);
        await service.WaitUntilHealthyAsync();
        return service;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{OutputTail}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} did not become healthy:\n{OutputTail}");
    }

    /// <summary>The configuration this test assembly was built in; the services were built alongside it.</summary>
    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ducha.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Ducha.slnx) above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        _process.KillTree();
        _process.Dispose();
    }
}
