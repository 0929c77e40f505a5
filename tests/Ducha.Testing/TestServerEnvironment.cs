using System.Net.Http;
using System.Net.Sockets;

namespace Ducha.Testing;

/// <summary>Where the test servers come from.</summary>
public enum TestServerBackend
{
    /// <summary>A container started through Testcontainers (a Docker engine answered).</summary>
    Docker,

    /// <summary>Locally installed binaries started in a temporary folder on free ports.</summary>
    LocalProcess,
}

/// <summary>A test server could not be provided or did not start.</summary>
public sealed class TestServerException : Exception
{
    public TestServerException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>True when the failure looks like a port taken between the free-port check and the bind.</summary>
    internal bool PortConflict { get; init; }
}

/// <summary>
/// Settings read from the environment:
/// <list type="bullet">
/// <item><c>DUCHA_TESTING_BACKEND</c> = <c>auto</c> (default) | <c>docker</c> | <c>local</c>.</item>
/// <item><c>DUCHA_TESTING_STARTUP_TIMEOUT</c> = seconds to wait for a server to start (default 120 for RabbitMQ, 60 for PostgreSQL).</item>
/// <item><c>DUCHA_RABBITMQ_BIN</c>, <c>DUCHA_POSTGRES_BIN</c> = folders holding the server binaries.</item>
/// <item><c>DUCHA_RABBITMQ_IMAGE</c>, <c>DUCHA_POSTGRES_IMAGE</c> = container images for the Docker backend.</item>
/// <item><c>DUCHA_TESTING_KEEP</c> = 1 keeps the temporary folders after stopping (for debugging).</item>
/// </list>
/// </summary>
public static class TestServerEnvironment
{
    /// <summary>
    /// Tears a local server down the same way for every kind: ask it to stop (<paramref name="stop"/>), kill it if it
    /// will not, delete its folder, and disarm the guard that would otherwise clean up after a crashed test run.
    /// </summary>
    internal static async Task ShutdownAsync(BackgroundProcess? server, Func<Task<bool>> stop, string folder, OrphanGuard? guard)
    {
        try
        {
            if (server is { HasExited: false })
            {
                bool stopped;
                try { stopped = await stop().ConfigureAwait(false); }
                catch (Exception) { stopped = false; } // unreachable (e.g. start-up failed half-way): kill it

                if (!stopped || !await server.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
                {
                    server.KillTree();
                    await server.WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                }
            }

            server?.Dispose();
            await DeleteFolderAsync(folder).ConfigureAwait(false);
        }
        finally
        {
            if (guard is not null) await guard.DisarmAsync().ConfigureAwait(false);
        }
    }

    private static readonly Lazy<Task<TestServerBackend?>> Detected = new(DetectAsync);

    public const string InstallHint =
        "Install Docker (and make sure `docker info` works), or the Debian packages rabbitmq-server / postgresql-15 " +
        "(apt-get install -y rabbitmq-server postgresql-15).";

    /// <summary>Whether a Docker engine answers (checked once per process).</summary>
    public static async Task<bool> IsDockerAvailableAsync() =>
        await Detected.Value.ConfigureAwait(false) == TestServerBackend.Docker;

    internal static async Task<TestServerBackend> ChooseBackendAsync(string? localBinDir)
    {
        var forced = await Detected.Value.ConfigureAwait(false);
        if (forced == TestServerBackend.Docker) return TestServerBackend.Docker;
        if (localBinDir is not null) return TestServerBackend.LocalProcess;
        throw new TestServerException("No Docker engine answered and the server binaries were not found locally. " + InstallHint);
    }

    internal static TimeSpan StartupTimeout(TimeSpan fallback)
    {
        var text = Environment.GetEnvironmentVariable("DUCHA_TESTING_STARTUP_TIMEOUT");
        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : fallback;
    }

    internal static bool KeepFolders => Environment.GetEnvironmentVariable("DUCHA_TESTING_KEEP") is "1" or "true";

    internal static string? EnvOrNull(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>
    /// The user a server must run as: <paramref name="serviceUser"/> when we are root and that user exists,
    /// null (= the current user) otherwise.
    /// </summary>
    internal static async Task<string?> ServiceUserAsync(string serviceUser, bool rootAllowed, CancellationToken ct)
    {
        if (!ExternalProcess.IsRoot) return null;
        if (await UserExistsAsync(serviceUser, ct).ConfigureAwait(false)) return serviceUser;
        if (rootAllowed) return null;
        throw new TestServerException(
            $"Running as root, the server must run as the '{serviceUser}' user, which does not exist. " + InstallHint);
    }

    internal static async Task<bool> UserExistsAsync(string user, CancellationToken ct)
    {
        try
        {
            if (File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal)))
                return true;
            var id = ExternalProcess.FindOnPath("id");
            if (id is null) return false;
            var result = await ExternalProcess.RunAsync(id, ["-u", user], new() { Timeout = TimeSpan.FromSeconds(10) }, ct)
                .ConfigureAwait(false);
            return result.Succeeded;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ExternalProcessException)
        {
            return false;
        }
    }

    /// <summary>Creates a fresh private (0700) folder under the temp path.</summary>
    internal static string CreateTempFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    internal static async Task ChownAsync(string path, string? owner, CancellationToken ct)
    {
        if (owner is null || !ExternalProcess.IsRoot) return;
        // "user:" = the user and its login group.
        await ExternalProcess.RunCheckedAsync("chown", ["-R", owner + ":", path], new() { Timeout = TimeSpan.FromSeconds(30) }, ct)
            .ConfigureAwait(false);
    }

    internal static async Task DeleteFolderAsync(string? path)
    {
        if (path is null || KeepFolders) return;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                return;
            }
            catch (Exception) when (attempt < 10)
            {
                // A process that is still exiting may be writing into it.
                await Task.Delay(300).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return; // best effort: the orphan guard's rm -rf is the last resort
            }
        }
    }

    internal static string ReadTail(string path, int lines)
    {
        try
        {
            if (!File.Exists(path)) return string.Empty;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return ExternalProcess.Tail(reader.ReadToEnd(), lines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(could not read {path}: {ex.Message})";
        }
    }

    internal static bool LooksLikePortConflict(string text) =>
        text.Contains("eaddrinuse", StringComparison.OrdinalIgnoreCase)
        || text.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private static async Task<TestServerBackend?> DetectAsync()
    {
        switch (Environment.GetEnvironmentVariable("DUCHA_TESTING_BACKEND")?.Trim().ToLowerInvariant())
        {
            case "docker" or "testcontainers":
                return TestServerBackend.Docker;
            case "local" or "process" or "localprocess":
                return TestServerBackend.LocalProcess;
        }

        return await DockerAnswersAsync().ConfigureAwait(false) ? TestServerBackend.Docker : null;
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        var docker = ExternalProcess.FindOnPath("docker");
        if (docker is not null)
        {
            try
            {
                var result = await ExternalProcess.RunAsync(
                        docker, ["info", "--format", "{{.ServerVersion}}"], new() { Timeout = TimeSpan.FromSeconds(10) })
                    .ConfigureAwait(false);
                if (result.Succeeded && !string.IsNullOrWhiteSpace(result.StandardOutput)) return true;
            }
            catch (Exception ex) when (ex is TimeoutException or ExternalProcessException)
            {
            }
        }

        // No CLI (or it failed): ask the engine API directly, as Testcontainers would.
        return await PingEngineAsync().ConfigureAwait(false);
    }

    private static async Task<bool> PingEngineAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(host)) host = "unix:///var/run/docker.sock";
        try
        {
            var uri = new Uri(host);
            using var handler = new SocketsHttpHandler();
            Uri pingUri;
            if (uri.Scheme == "unix")
            {
                var socketPath = uri.AbsolutePath;
                if (!File.Exists(socketPath)) return false;
                handler.ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
                pingUri = new Uri("http://docker/_ping");
            }
            else if (uri.Scheme == "tcp" && Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is null or "" or "0")
            {
                pingUri = new Uri($"http://{uri.Host}:{uri.Port}/_ping");
            }
            else
            {
                return false;
            }

            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(pingUri).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
