using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Ducha.Testing;

/// <summary>
/// A PostgreSQL cluster from the local Debian package, in its own temporary folder on a free port.
/// <c>initdb</c> creates it (superuser <c>postgres</c>, SCRAM password on TCP, trust on the private Unix
/// socket), then <c>postgres</c> runs as a supervised child process (not detached by <c>pg_ctl start</c>,
/// so the test process owns it, captures its log and can always kill it); it is stopped with
/// <c>pg_ctl stop -m fast</c>. As root everything runs as the <c>postgres</c> user.
/// Durability is switched off (fsync, synchronous_commit, full_page_writes): this is throw-away test data.
/// </summary>
internal sealed class LocalPostgres : IPostgresInstance
{
    internal const string Password = "postgres";

    private readonly string _binDir;
    private readonly string? _user;
    private readonly string _dir;
    private BackgroundProcess? _server;
    private OrphanGuard? _guard;
    private string _initdbOutput = string.Empty;
    private int _disposed;

    private LocalPostgres(string binDir, string? user)
    {
        _binDir = binDir;
        _user = user;
        _dir = TestServerEnvironment.CreateTempFolder("ducha-postgres-");
        Port = FreePort.Next();
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
            Database = "postgres",
        }.ConnectionString;
    }

    public TestServerBackend Backend => TestServerBackend.LocalProcess;
    public string Host => "127.0.0.1";
    public int Port { get; }
    public string AdminConnectionString { get; }
    public string? DataDirectory => _dir;

    private string DataDir => Path.Combine(_dir, "data");

    /// <summary>The PostgreSQL bin folder (15 preferred, else the newest installed), or null.</summary>
    public static string? FindBinDir()
    {
        var candidates = new List<string?> { TestServerEnvironment.EnvOrNull("DUCHA_POSTGRES_BIN"), "/usr/lib/postgresql/15/bin" };
        try
        {
            if (Directory.Exists("/usr/lib/postgresql"))
            {
                candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                    .OrderByDescending(x => x.Version)
                    .Select(x => Path.Combine(x.Dir, "bin")));
            }
        }
        catch (IOException)
        {
        }

        return candidates.FirstOrDefault(dir => dir is not null
            && File.Exists(Path.Combine(dir, "initdb"))
            && File.Exists(Path.Combine(dir, "postgres"))
            && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    public static async Task<LocalPostgres> StartAsync(string binDir, TimeSpan timeout, CancellationToken ct)
    {
        // PostgreSQL refuses to run as root.
        var user = await TestServerEnvironment.ServiceUserAsync("postgres", rootAllowed: false, ct).ConfigureAwait(false);
        var instance = new LocalPostgres(binDir, user);
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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await TestServerEnvironment.ShutdownAsync(_server, async () => (await ExternalProcess.RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["stop", "-D", DataDir, "-m", "fast", "-w", "-t", "60"], Options(TimeSpan.FromSeconds(90)), CancellationToken.None)
            .ConfigureAwait(false)).Succeeded, _dir, _guard).ConfigureAwait(false);
    }

    private async Task StartCoreAsync(TimeSpan timeout, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var passwordFile = Path.Combine(_dir, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password + "\n", ct).ConfigureAwait(false);
        await TestServerEnvironment.ChownAsync(_dir, _user, ct).ConfigureAwait(false);
        _guard = OrphanGuard.Start(_dir);

        var initdb = await ExternalProcess.RunAsync(
                Path.Combine(_binDir, "initdb"),
                [
                    "-D", DataDir, "-U", "postgres", "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256",
                    "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
                ],
                Options(timeout),
                ct)
            .ConfigureAwait(false);
        _initdbOutput = initdb.StandardOutput + initdb.StandardError;
        File.Delete(passwordFile);
        if (!initdb.Succeeded) throw Failure($"initdb failed with exit code {initdb.ExitCode}.");

        _server = ExternalProcess.Start(
            Path.Combine(_binDir, "postgres"),
            [
                "-D", DataDir,
                "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-k", _dir,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "logging_collector=off",
            ],
            Options(Timeout.InfiniteTimeSpan));

        Exception? last = null;
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_server.HasExited)
            {
                await Task.Delay(200, CancellationToken.None).ConfigureAwait(false); // let the last log lines arrive
                throw Failure($"postgres exited (code {_server.ExitCode}) before accepting connections.");
            }

            if (await TcpProbe.AcceptsAsync("127.0.0.1", Port, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(probe);
                    await connection.OpenAsync(ct).ConfigureAwait(false);
                    await using var command = new NpgsqlCommand("SELECT 1", connection);
                    await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
                {
                    last = ex; // e.g. 57P03 "the database system is starting up"
                }
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw Failure(
                    $"did not accept connections within {timeout.TotalSeconds:0} s."
                    + (last is null ? " The port never accepted a TCP connection." : $" Last error: {last.GetType().Name}: {last.Message}"),
                    last);
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    private ExternalProcessOptions Options(TimeSpan timeout) => new()
    {
        RunAsUser = _user,
        WorkingDirectory = _dir,
        Timeout = timeout,
        Environment = new Dictionary<string, string> { ["LC_ALL"] = "C", ["HOME"] = _dir },
    };

    private TestServerException Failure(string what, Exception? inner = null)
    {
        var output = _server?.OutputTail(60) ?? string.Empty;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"PostgreSQL (127.0.0.1:{Port}, user {_user ?? Environment.UserName}, folder {_dir}, binaries {_binDir}): {what}")
            .Append("\nSet DUCHA_TESTING_KEEP=1 to keep the folder for inspection.");
        if (!string.IsNullOrWhiteSpace(_initdbOutput))
            text.Append("\n--- initdb output (last 30 lines) ---\n").Append(ExternalProcess.Tail(_initdbOutput, 30));
        if (_server is not null)
            text.Append("\n--- postgres log (last 60 lines) ---\n").Append(output);
        return new TestServerException(text.ToString(), inner)
        {
            PortConflict = TestServerEnvironment.LooksLikePortConflict(output),
        };
    }
}
