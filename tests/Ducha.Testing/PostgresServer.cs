using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ducha.Testing;

/// <summary>
/// A real, private PostgreSQL server for tests: a Testcontainers container when a Docker engine answers,
/// otherwise the locally installed PostgreSQL (Debian postgresql-15) initialised in a temporary folder and
/// started on a free port. Create one database per test (or per class) with <see cref="CreateDatabaseAsync"/>.
/// Dispose it to stop the server and delete its folder.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<PostgresServer, byte> Live = new();
    private static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(60);

    private readonly IPostgresInstance _instance;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly ConcurrentBag<string> _handedOut = [];
    private int _disposed;

    private PostgresServer(IPostgresInstance instance, TimeSpan startupDuration)
    {
        _instance = instance;
        StartupDuration = startupDuration;
    }

    /// <summary>Starts a server; throws <see cref="TestServerException"/> (with the server's log tail) when it cannot.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var binDir = LocalPostgres.FindBinDir();
        var backend = await TestServerEnvironment.ChooseBackendAsync(binDir).ConfigureAwait(false);
        IPostgresInstance instance;
        if (backend == TestServerBackend.Docker)
        {
            instance = await ContainerPostgres.StartAsync(ct).ConfigureAwait(false);
        }
        else
        {
            if (binDir is null)
                throw new TestServerException("PostgreSQL binaries were not found locally. " + TestServerEnvironment.InstallHint);
            var timeout = TestServerEnvironment.StartupTimeout(DefaultStartupTimeout);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    instance = await LocalPostgres.StartAsync(binDir, timeout, ct).ConfigureAwait(false);
                    break;
                }
                catch (TestServerException ex) when (ex.PortConflict && attempt < 3)
                {
                    // Another process took our port between the check and the bind: new port.
                }
            }
        }

        var server = new PostgresServer(instance, stopwatch.Elapsed);
        Live.TryAdd(server, 0); // keeps the server reachable (and so alive) until it is disposed
        return server;
    }

    /// <summary>The port on <see cref="Host"/>.</summary>
    public int Port => _instance.Port;

    /// <summary>Host name or address to connect to (127.0.0.1 for a local server).</summary>
    public string Host => _instance.Host;

    public TestServerBackend Backend => _instance.Backend;

    /// <summary>Superuser connection string to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => _instance.AdminConnectionString;

    /// <summary>Temporary folder of a local server (deleted on dispose); null for a container.</summary>
    public string? DataDirectory => _instance.DataDirectory;

    /// <summary>How long <see cref="StartAsync"/> took.</summary>
    public TimeSpan StartupDuration { get; }

    /// <summary>
    /// Creates a fresh, empty database and returns an Npgsql connection string for it
    /// (<c>Host=127.0.0.1;Port=..;Username=postgres;Password=..;Database=..</c>).
    /// </summary>
    /// <param name="name">Database name (letters, digits, underscores; at most 63); a unique name when null.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= "test_" + Guid.NewGuid().ToString("N");
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException(
                $"'{name}' is not a usable database name: use a letter or underscore, then letters, digits or underscores (at most 63).",
                nameof(name));

        // CREATE DATABASE copies template1; serialise them so that concurrent calls never trip over each other.
        await _createGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            _createGate.Release();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            IncludeErrorDetail = true,
        };
        _handedOut.Add(builder.ConnectionString);
        return builder.ConnectionString;
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>, then kill if needed) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            // Close idle pooled connections to this server before it goes away.
            foreach (var connectionString in _handedOut)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    NpgsqlConnection.ClearPool(connection);
                }
                catch (Exception)
                {
                    // best effort
                }
            }

            await _instance.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Live.TryRemove(this, out _);
            _createGate.Dispose();
        }
    }

    public override string ToString() => $"PostgreSQL ({Backend}) {Host}:{Port}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}

internal interface IPostgresInstance : IAsyncDisposable
{
    TestServerBackend Backend { get; }
    string Host { get; }
    int Port { get; }
    string AdminConnectionString { get; }
    string? DataDirectory { get; }
}
