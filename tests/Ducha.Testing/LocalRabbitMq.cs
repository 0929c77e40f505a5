using System.Globalization;
using System.Text;

namespace Ducha.Testing;

/// <summary>
/// A RabbitMQ node from the local Debian package, isolated in its own temporary folder:
/// own node name, own AMQP and distribution ports, own Erlang cookie (HOME), no plugins, no config from /etc.
/// As root it runs as the <c>rabbitmq</c> user (rabbitmqctl too, with the same HOME, so it reads the same cookie).
/// </summary>
internal sealed class LocalRabbitMq : IRabbitMqInstance
{
    private const int EpmdPort = 4369;
    private static readonly SemaphoreSlim EpmdGate = new(1, 1);

    private readonly string _binDir;
    private readonly string? _user;
    private readonly string _dir;
    private readonly int _distPort;
    private readonly Dictionary<string, string> _environment;
    private BackgroundProcess? _server;
    private OrphanGuard? _guard;
    private int _disposed;

    private LocalRabbitMq(string binDir, string? user)
    {
        _binDir = binDir;
        _user = user;
        _dir = TestServerEnvironment.CreateTempFolder("ducha-rabbitmq-");
        NodeName = $"ducha-{Guid.NewGuid().ToString("N")[..12]}@localhost";
        Port = FreePort.Next();
        _distPort = FreePort.Next();
        _environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(_dir, "home"),
            ["LC_ALL"] = "C.UTF-8",
            ["LANG"] = "C.UTF-8",
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_USE_LONGNAME"] = "false",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = _distPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_dir, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_dir, "rabbitmq.conf"),
            ["RABBITMQ_CONFIG_FILES"] = Path.Combine(_dir, "conf.d", "*.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_dir, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(_dir, "rabbitmq.pid"),
            ["RABBITMQ_MOTD_FILE"] = Path.Combine(_dir, "motd"),
            // Erlang distribution only on loopback.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            // rabbitmqctl's own distribution listener: a wider range than the default 11 ports, so that
            // many concurrent CLI calls (parallel test classes) do not run out.
            ["RABBITMQ_CTL_DIST_PORT_MIN"] = "35672",
            ["RABBITMQ_CTL_DIST_PORT_MAX"] = "35772",
            ["ERL_CRASH_DUMP"] = Path.Combine(_dir, "erl_crash.dump"),
        };
    }

    public TestServerBackend Backend => TestServerBackend.LocalProcess;
    public string Host => "127.0.0.1";
    public int Port { get; }
    public string AmqpUri => $"amqp://guest:guest@127.0.0.1:{Port}/";
    public string NodeName { get; }
    public string? DataDirectory => _dir;

    private string LogFile => Path.Combine(_dir, "log", NodeName + ".log");

    /// <summary>The folder holding rabbitmq-server and rabbitmqctl, or null when RabbitMQ (or Erlang) is missing.</summary>
    public static string? FindBinDir()
    {
        var candidates = new[] { TestServerEnvironment.EnvOrNull("DUCHA_RABBITMQ_BIN"), "/usr/lib/rabbitmq/bin" };
        foreach (var dir in candidates)
        {
            if (dir is not null
                && File.Exists(Path.Combine(dir, "rabbitmq-server"))
                && File.Exists(Path.Combine(dir, "rabbitmqctl"))
                && ExternalProcess.FindOnPath("erl") is not null)
                return dir;
        }

        return null;
    }

    public static async Task<LocalRabbitMq> StartAsync(string binDir, TimeSpan timeout, CancellationToken ct)
    {
        var user = await TestServerEnvironment.ServiceUserAsync("rabbitmq", rootAllowed: true, ct).ConfigureAwait(false);
        var instance = new LocalRabbitMq(binDir, user);
        try
        {
            await instance.StartCoreAsync(timeout, ct).ConfigureAwait(false);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<string> RabbitmqctlAsync(IReadOnlyList<string> args, CancellationToken ct) =>
        RabbitmqctlAsync(args, TimeSpan.FromMinutes(2), ct);

    /// <summary>SIGKILL to the node and everything it started, as a crash would; its folder (queues, messages) stays.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        var server = _server ?? throw new InvalidOperationException($"RabbitMQ node {NodeName} is not running.");
        server.KillTree();
        if (!await server.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
            throw Failure("did not exit after SIGKILL.");
        server.Dispose();
        _server = null;
    }

    /// <summary>Starts the node again on the same ports and folder, so it recovers its durable queues and messages.</summary>
    public async Task RestartAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_server is { HasExited: false }) throw new InvalidOperationException($"RabbitMQ node {NodeName} is still running.");
        _server?.Dispose();
        await StartServerAsync(timeout, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await TestServerEnvironment.ShutdownAsync(_server, async () =>
        {
            await RabbitmqctlAsync(["stop"], TimeSpan.FromSeconds(60), CancellationToken.None).ConfigureAwait(false);
            return true;
        }, _dir, _guard).ConfigureAwait(false);
    }

    private async Task StartCoreAsync(TimeSpan timeout, CancellationToken ct)
    {
        WriteFiles();
        await TestServerEnvironment.ChownAsync(_dir, _user, ct).ConfigureAwait(false);
        await EnsureEpmdAsync(ct).ConfigureAwait(false);

        _guard = OrphanGuard.Start(_dir);
        await StartServerAsync(timeout, ct).ConfigureAwait(false);
    }

    private async Task StartServerAsync(TimeSpan timeout, CancellationToken ct)
    {
        var server = ExternalProcess.Start(Path.Combine(_binDir, "rabbitmq-server"), [], Options(Timeout.InfiniteTimeSpan));
        _server = server;
        try
        {
            await AmqpProbe.WaitUntilAcceptingAsync(
                    AmqpUri,
                    timeout,
                    () => server.HasExited ? Failure($"rabbitmq-server exited (code {server.ExitCode}) before accepting connections.") : null,
                    ct)
                .ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw Failure(ex.Message, ex.InnerException);
        }
    }

    private void WriteFiles()
    {
        var home = Directory.CreateDirectory(Path.Combine(_dir, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        Directory.CreateDirectory(Path.Combine(_dir, "conf.d"));

        // Own Erlang cookie: the server and rabbitmqctl both run with HOME pointing here.
        var cookie = Path.Combine(home, ".erlang.cookie");
        File.WriteAllText(cookie, RandomCookie());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(cookie, UnixFileMode.UserRead);

        File.WriteAllText(Path.Combine(_dir, "enabled_plugins"), "[].\n"); // no plugins (no management)
        File.WriteAllText(Path.Combine(_dir, "rabbitmq-env.conf"), string.Empty); // instead of /etc/rabbitmq/rabbitmq-env.conf
        File.WriteAllText(Path.Combine(_dir, "rabbitmq.conf"), string.Join('\n',
            "loopback_users.guest = true",
            // Small temp file systems must not raise the disk alarm (which blocks all publishers).
            "disk_free_limit.absolute = 1MB",
            "log.file.level = info",
            "log.console = true",
            "log.console.level = warning",
            string.Empty));
    }

    private async Task EnsureEpmdAsync(CancellationToken ct)
    {
        // epmd (Erlang port mapper, port 4369) is shared by all Erlang nodes of the machine by design.
        // Start it up front so that parallel first starts do not race to spawn it.
        if (await TcpProbe.AcceptsAsync("127.0.0.1", EpmdPort, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false)) return;
        var epmd = ExternalProcess.FindOnPath("epmd");
        if (epmd is null) return; // erl will start its own

        await EpmdGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (await TcpProbe.AcceptsAsync("127.0.0.1", EpmdPort, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false)) return;
            await ExternalProcess.RunAsync(epmd, ["-daemon"], Options(TimeSpan.FromSeconds(15)), ct).ConfigureAwait(false);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline
                   && !await TcpProbe.AcceptsAsync("127.0.0.1", EpmdPort, TimeSpan.FromSeconds(1), ct).ConfigureAwait(false))
                await Task.Delay(100, ct).ConfigureAwait(false);
        }
        finally
        {
            EpmdGate.Release();
        }
    }

    private Task<string> RabbitmqctlAsync(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct) =>
        ExternalProcess.RunCheckedAsync(
            Path.Combine(_binDir, "rabbitmqctl"),
            new[] { "-n", NodeName }.Concat(args),
            Options(timeout),
            ct);

    private ExternalProcessOptions Options(TimeSpan timeout) => new()
    {
        Environment = _environment,
        RunAsUser = _user,
        WorkingDirectory = _dir,
        Timeout = timeout,
    };

    private TestServerException Failure(string what, Exception? inner = null)
    {
        var output = _server?.OutputTail(40) ?? string.Empty;
        var log = TestServerEnvironment.ReadTail(LogFile, 60);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"RabbitMQ node {NodeName} (AMQP 127.0.0.1:{Port}, distribution port {_distPort}, user {_user ?? Environment.UserName}, folder {_dir}): {what}")
            .Append("\nSet DUCHA_TESTING_KEEP=1 to keep the folder for inspection.")
            .Append("\n--- rabbitmq-server output (last 40 lines) ---\n").Append(output);
        if (!string.IsNullOrWhiteSpace(log))
            text.Append(CultureInfo.InvariantCulture, $"\n--- {LogFile} (last 60 lines) ---\n").Append(log);
        return new TestServerException(text.ToString(), inner)
        {
            PortConflict = TestServerEnvironment.LooksLikePortConflict(output + log),
        };
    }

    private static string RandomCookie()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return new string(Enumerable.Range(0, 32).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
    }
}
