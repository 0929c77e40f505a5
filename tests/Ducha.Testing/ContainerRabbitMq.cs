using Testcontainers.RabbitMq;

namespace Ducha.Testing;

/// <summary>RabbitMQ in a container (Testcontainers), used when a Docker engine answers.</summary>
internal sealed class ContainerRabbitMq : IRabbitMqInstance
{
    private const int AmqpContainerPort = 5672;
    private readonly RabbitMqContainer _container;

    private ContainerRabbitMq(RabbitMqContainer container) => _container = container;

    public TestServerBackend Backend => TestServerBackend.Docker;
    public string Host => _container.Hostname;
    public int Port => _container.GetMappedPublicPort(AmqpContainerPort);
    public string AmqpUri => _container.GetConnectionString();
    public string? NodeName => null;
    public string? DataDirectory => null;

    public static async Task<ContainerRabbitMq> StartAsync(CancellationToken ct)
    {
        var image = TestServerEnvironment.EnvOrNull("DUCHA_RABBITMQ_IMAGE") ?? "rabbitmq:3.13-alpine";
        var container = new RabbitMqBuilder(image).Build();
        try
        {
            await container.StartAsync(ct).ConfigureAwait(false);
            return new ContainerRabbitMq(container);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var logs = await TryGetLogsAsync(container).ConfigureAwait(false);
            await container.DisposeAsync().ConfigureAwait(false);
            throw new TestServerException($"RabbitMQ container ({image}) did not start: {ex.Message}\n--- container log ---\n{logs}", ex);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<string> RabbitmqctlAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var command = new List<string> { "rabbitmqctl" };
        command.AddRange(args);
        var result = await _container.ExecAsync(command, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var commandLine = "docker exec " + _container.Name + " " + string.Join(' ', command);
            throw new ExternalProcessException(
                $"'{commandLine}' failed with exit code {result.ExitCode}." + ExternalProcess.FormatOutput(result.Stdout, result.Stderr),
                commandLine,
                new ProcessResult((int)(result.ExitCode ?? -1), result.Stdout, result.Stderr));
        }

        return result.Stdout;
    }

    // Docker would map new host ports on a restart, and clients keep the old ones: crash drills need the local node.
    public Task KillAsync(CancellationToken ct) =>
        throw new NotSupportedException("Killing and restarting the broker needs the local RabbitMQ node (set DUCHA_TESTING_BACKEND=local).");

    public Task RestartAsync(TimeSpan timeout, CancellationToken ct) =>
        throw new NotSupportedException("Killing and restarting the broker needs the local RabbitMQ node (set DUCHA_TESTING_BACKEND=local).");

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    private static async Task<string> TryGetLogsAsync(RabbitMqContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync().ConfigureAwait(false);
            return ExternalProcess.Tail(stdout + "\n" + stderr, 60);
        }
        catch (Exception)
        {
            return "(no logs)";
        }
    }
}
