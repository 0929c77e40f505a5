using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ducha.Testing;

/// <summary>
/// One service running as its own OS process from its build output, as a deployment runs it. It can be killed as a
/// crash would (SIGKILL) and started again on the same address, as an orchestrator restarts a replica.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentDictionary<string, int> _lineCounts = new(StringComparer.Ordinal);
    private BackgroundProcess _process;

    private ServiceProcess(string name, string dll, Dictionary<string, string> environment, Uri address, IEnumerable<string> countLinesWith)
    {
        Name = name;
        _dll = dll;
        _environment = environment;
        Address = address;
        foreach (var text in countLinesWith) _lineCounts[text] = 0;
        _process = Launch();
    }

    /// <summary>The project's folder name under <c>services/</c>.</summary>
    public string Name { get; }

    /// <summary>Where the service listens (HTTP/2 without TLS for gRPC, HTTP/1.1 for REST and /health); kept across restarts.</summary>
    public Uri Address { get; }

    /// <summary>The last 60 lines the current run printed.</summary>
    public string OutputTail => _process.OutputTail(60);

    /// <summary>Everything the current run printed that is still buffered.</summary>
    public string Output => _process.OutputTail(int.MaxValue);

    /// <summary>True while the current run has exited without being asked to.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>How many times the process was started (1 + restarts).</summary>
    public int Starts { get; private set; } = 1;

    /// <summary>
    /// Starts <c>services/{project}/bin/{configuration}/net10.0/{assembly}.dll</c> and waits until <c>/health</c> answers.
    /// Lines containing any of <paramref name="countLinesWith"/> are counted over every run (see <see cref="LinesWith"/>).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string project, string assembly, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? countLinesWith = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "services", project, "bin", BuildConfiguration(), "net10.0", assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var env = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        var service = new ServiceProcess(project, dll, env, address, countLinesWith ?? []);
        try
        {
            await service.WaitUntilHealthyAsync();
        }
        catch
        {
            service.Dispose();
            throw;
        }
        return service;
    }

    /// <summary>How many printed lines, over every run so far, contained <paramref name="text"/> (named at start).</summary>
    public int LinesWith(string text) =>
        _lineCounts.TryGetValue(text, out var count) ? count : throw new ArgumentException($"'{text}' was not named when {Name} started.", nameof(text));

    /// <summary>A crash: SIGKILL to the process and its children (<c>kill -9</c>), no shutdown hooks; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.KillTree();
        if (!await _process.WaitForExitAsync(TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException($"{Name} is still running 30 s after SIGKILL.");
    }

    /// <summary>Starts the killed service again with the same address and settings; returns how long until it was healthy.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        if (!_process.HasExited) throw new InvalidOperationException($"{Name} is still running; kill it first.");
        var stopwatch = Stopwatch.StartNew();
        _process.Dispose();
        _process = Launch();
        Starts++;
        await WaitUntilHealthyAsync();
        return stopwatch.Elapsed;
    }

    private BackgroundProcess Launch() =>
        ExternalProcess.Start("dotnet", [_dll], new ExternalProcessOptions
        {
            Environment = _environment,
            WorkingDirectory = Path.GetDirectoryName(_dll),
            OnOutputLine = _lineCounts.IsEmpty ? null : CountLine,
        });

    private void CountLine(string line)
    {
        foreach (var text in _lineCounts.Keys)
            if (line.Contains(text, StringComparison.Ordinal)) _lineCounts.AddOrUpdate(text, 1, (_, n) => n + 1);
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
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not become healthy:\n{OutputTail}");
    }

    /// <summary>The configuration the caller was built in; the services were built alongside it.</summary>
    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The folder holding <c>Ducha.slnx</c>, found upwards from the running assembly.</summary>
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
