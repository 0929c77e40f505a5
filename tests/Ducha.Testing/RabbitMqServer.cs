using System.Collections.Concurrent;
using System.Diagnostics;
using RabbitMQ.Client;

namespace Ducha.Testing;

/// <summary>
/// A real, private RabbitMQ broker for tests: a Testcontainers container when a Docker engine answers,
/// otherwise a node of the locally installed Debian <c>rabbitmq-server</c> started on free ports in a
/// temporary folder. Nothing (ports, node name, folders) is shared between two servers, so test classes may
/// start several in parallel. Dispose it to stop the broker and delete its folder.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<RabbitMqServer, byte> Live = new();
    private static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(120);

    private readonly IRabbitMqInstance _instance;
    private int _disposed;

    private RabbitMqServer(IRabbitMqInstance instance, TimeSpan startupDuration)
    {
        _instance = instance;
        StartupDuration = startupDuration;
    }

    /// <summary>Starts a broker; throws <see cref="TestServerException"/> (with the server's log tail) when it cannot.</summary>
    public static async Task<RabbitMqServer> StartAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var binDir = LocalRabbitMq.FindBinDir();
        var backend = await TestServerEnvironment.ChooseBackendAsync(binDir).ConfigureAwait(false);
        IRabbitMqInstance instance;
        if (backend == TestServerBackend.Docker)
        {
            instance = await ContainerRabbitMq.StartAsync(ct).ConfigureAwait(false);
        }
        else
        {
            if (binDir is null)
                throw new TestServerException("RabbitMQ binaries were not found locally. " + TestServerEnvironment.InstallHint);
            var timeout = TestServerEnvironment.StartupTimeout(DefaultStartupTimeout);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    instance = await LocalRabbitMq.StartAsync(binDir, timeout, ct).ConfigureAwait(false);
                    break;
                }
                catch (TestServerException ex) when (ex.PortConflict && attempt < 3)
                {
                    // Another process took one of our ports between the check and the bind: new ports.
                }
            }
        }

        var server = new RabbitMqServer(instance, stopwatch.Elapsed);
        Live.TryAdd(server, 0); // keeps the server reachable (and so alive) until it is disposed
        return server;
    }

    /// <summary><c>amqp://guest:guest@127.0.0.1:PORT/</c> for a local node (guest may log in from loopback);
    /// the container's credentials and mapped port for Docker.</summary>
    public string AmqpUri => _instance.AmqpUri;

    /// <summary>The AMQP port on <see cref="Host"/>.</summary>
    public int Port => _instance.Port;

    /// <summary>Host name or address to connect to (127.0.0.1 for a local node).</summary>
    public string Host => _instance.Host;

    public TestServerBackend Backend => _instance.Backend;

    /// <summary>Erlang node name (<c>ducha-XXXX@localhost</c>) of a local node; null for a container.</summary>
    public string? NodeName => _instance.NodeName;

    /// <summary>Temporary folder of a local node (deleted on dispose); null for a container.</summary>
    public string? DataDirectory => _instance.DataDirectory;

    /// <summary>How long <see cref="StartAsync"/> took.</summary>
    public TimeSpan StartupDuration { get; }

    /// <summary>A connection factory for this broker (automatic recovery left at the client default).</summary>
    public ConnectionFactory CreateConnectionFactory() => new() { Uri = new Uri(AmqpUri) };

    /// <summary>
    /// Runs <c>rabbitmqctl</c> against this node (<c>docker exec</c> for a container) and returns its
    /// standard output; throws <see cref="ExternalProcessException"/> carrying stderr on failure.
    /// </summary>
    public Task<string> RabbitmqctlAsync(params string[] args) => _instance.RabbitmqctlAsync(args, CancellationToken.None);

    /// <summary>
    /// Simulates a broker outage: <c>rabbitmqctl stop_app</c>. Open connections are dropped and the AMQP
    /// port stops accepting connections; returns once a new connection attempt fails.
    /// </summary>
    public async Task PauseAsync()
    {
        await RabbitmqctlAsync("stop_app").ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        while (await AmqpProbe.TryConnectAsync(AmqpUri, TimeSpan.FromSeconds(3), CancellationToken.None).ConfigureAwait(false) is null)
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(30))
                throw new TestServerException($"RabbitMQ at {AmqpUri} still accepts connections 30 s after stop_app.");
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the outage: <c>rabbitmqctl start_app</c>, then waits until AMQP accepts connections again.</summary>
    public async Task ResumeAsync()
    {
        await RabbitmqctlAsync("start_app").ConfigureAwait(false);
        try
        {
            await AmqpProbe.WaitUntilAcceptingAsync(
                    AmqpUri, TestServerEnvironment.StartupTimeout(DefaultStartupTimeout), () => null, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TestServerException(ex.Message + " (after start_app)", ex);
        }
    }

    /// <summary>
    /// A broker crash: SIGKILL to the node and all its processes (<c>kill -9</c>), no clean shutdown. Queues and
    /// persistent messages stay in its folder; <see cref="RestartAsync"/> brings it back on the same port.
    /// </summary>
    public Task KillAsync() => _instance.KillAsync(CancellationToken.None);

    /// <summary>Starts a killed broker again on the same ports and data; returns once AMQP accepts connections.</summary>
    public Task RestartAsync() =>
        _instance.RestartAsync(TestServerEnvironment.StartupTimeout(DefaultStartupTimeout), CancellationToken.None);

    /// <summary>Stops the broker (<c>rabbitmqctl stop</c>, then kill if needed) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _instance.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Live.TryRemove(this, out _);
        }
    }

    public override string ToString() => $"RabbitMQ ({Backend}) {AmqpUri}";
}

internal interface IRabbitMqInstance : IAsyncDisposable
{
    TestServerBackend Backend { get; }
    string Host { get; }
    int Port { get; }
    string AmqpUri { get; }
    string? NodeName { get; }
    string? DataDirectory { get; }
    Task<string> RabbitmqctlAsync(IReadOnlyList<string> args, CancellationToken ct);
    Task KillAsync(CancellationToken ct);
    Task RestartAsync(TimeSpan timeout, CancellationToken ct);
}

internal static class AmqpProbe
{
    /// <summary>Opens and closes one AMQP connection; returns null on success, the error otherwise.</summary>
    public static async Task<Exception?> TryConnectAsync(string uri, TimeSpan timeout, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = timeout,
            HandshakeContinuationTimeout = timeout,
            ClientProvidedName = "ducha-testing-probe",
        };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout + TimeSpan.FromSeconds(2));
        try
        {
            var connection = await factory.CreateConnectionAsync(cts.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.CloseAsync(cts.Token).ConfigureAwait(false);
            }

            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>
    /// Polls until an AMQP connection succeeds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>. <paramref name="failFast"/> is called before each attempt
    /// and may return an exception to stop waiting (e.g. the server process exited).
    /// </summary>
    public static async Task WaitUntilAcceptingAsync(string uri, TimeSpan timeout, Func<Exception?> failFast, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var target = new Uri(uri);
        Exception? last = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (failFast() is { } fatal) throw fatal;

            // A cheap TCP check first; a full AMQP handshake only once the listener is there.
            if (await TcpProbe.AcceptsAsync(target.Host, target.Port, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false))
            {
                last = await TryConnectAsync(uri, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
                if (last is null) return;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"RabbitMQ at {target.Host}:{target.Port} did not accept AMQP connections within {timeout.TotalSeconds:0} s."
                    + (last is null ? " The port never accepted a TCP connection." : $" Last error: {last.GetType().Name}: {last.Message}"),
                    last);
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }
}

internal static class TcpProbe
{
    public static async Task<bool> AcceptsAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        using var client = new System.Net.Sockets.TcpClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
