using global::RabbitMQ.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.EventBus.RabbitMQ;

/// <summary>
/// One AMQP connection per process. It is opened in the background and reopened by the client's automatic recovery,
/// so a service starts and keeps serving while the broker is down; its outbox holds events until the broker returns.
/// </summary>
public sealed class RabbitMqConnection(IConfiguration configuration, IHostEnvironment environment, ILogger<RabbitMqConnection> logger) : IAsyncDisposable
{
    public const string ConnectionStringName = "rabbitmq";

    private readonly TaskCompletionSource<IConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _connecting;
    private readonly Lock _gate = new();

    public bool IsOpen => _connected.Task.IsCompletedSuccessfully && _connected.Task.Result.IsOpen;

    public Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // One connect loop serves every caller: no single caller's token may cancel it.
            _connecting ??= Task.Run(ConnectLoopAsync, CancellationToken.None);
        }
        return _connected.Task.WaitAsync(cancellationToken);
    }

    private ConnectionFactory CreateFactory()
    {
        var uri = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                "EventBus:Transport is 'rabbitmq' but ConnectionStrings:rabbitmq (env ConnectionStrings__rabbitmq) is not set.");
        return new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = environment.ApplicationName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
        };
    }

    private async Task ConnectLoopAsync()
    {
        var factory = CreateFactory();
        var delay = TimeSpan.FromMilliseconds(250);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync(_stopping.Token);
                connection.ConnectionShutdownAsync += (_, args) =>
                {
                    if (args.Initiator == ShutdownInitiator.Application) return Task.CompletedTask;
                    logger.LogWarning("RabbitMQ connection lost: {Reason}; the client is reconnecting", args.ReplyText);
                    return Task.CompletedTask;
                };
                connection.RecoverySucceededAsync += (_, _) =>
                {
                    logger.LogInformation("RabbitMQ connection recovered");
                    return Task.CompletedTask;
                };
                logger.LogInformation("Connected to RabbitMQ at {Host}:{Port}", factory.HostName, factory.Port);
                _connected.TrySetResult(connection);
                return;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                logger.LogWarning("RabbitMQ at {Host}:{Port} is not reachable ({Error}); retrying in {Delay}", factory.HostName, factory.Port, ex.Message, delay);
                try { await Task.Delay(delay, _stopping.Token); } catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_connected.Task.IsCompletedSuccessfully)
        {
            var connection = _connected.Task.Result;
            try { await connection.CloseAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* already gone */ }
            connection.Dispose();
        }
        else
        {
            _connected.TrySetCanceled();
        }
        _stopping.Dispose();
    }
}
