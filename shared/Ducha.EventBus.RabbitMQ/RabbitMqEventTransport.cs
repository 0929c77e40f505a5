using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using global::RabbitMQ.Client;

namespace Ducha.EventBus.RabbitMQ;

/// <summary>
/// Publishes to the topic's durable fanout exchange as a persistent message and waits for the broker's
/// publisher confirm; a nack or a lost connection surfaces as an exception so the outbox keeps the event.
/// </summary>
public sealed class RabbitMqEventTransport(RabbitMqConnection connection) : IEventTransport, IAsyncDisposable
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _declared = new();
    private IChannel? _channel;

    public string Name => "rabbitmq";

    public async Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConfirmTimeout);
        var conn = await connection.GetAsync(timeout.Token);
        if (!conn.IsOpen) throw new InvalidOperationException("RabbitMQ connection is not open.");

        await _publishLock.WaitAsync(timeout.Token);
        try
        {
            var channel = await GetChannelAsync(conn, timeout.Token);
            var exchange = DaprTopology.Exchange(topic);
            if (!_declared.ContainsKey(exchange))
            {
                await channel.ExchangeDeclareAsync(exchange, DaprTopology.ExchangeKind, durable: true, autoDelete: false, cancellationToken: timeout.Token);
                _declared[exchange] = true;
            }
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = CloudEventEnvelope.MediaType,
                MessageId = envelope.Id,
                Type = envelope.Type,
                Timestamp = new AmqpTimestamp(envelope.Time.ToUnixTimeSeconds()),
                Headers = TraceHeaders(),
            };
            await channel.BasicPublishAsync(exchange, routingKey: string.Empty, mandatory: false, properties, envelope.ToJsonBytes(), timeout.Token);
        }
        catch
        {
            // A failed confirm can leave the channel unusable; start from a fresh one next time.
            await ResetChannelAsync();
            throw;
        }
        finally
        {
            _publishLock.Release();
        }
    }

    /// <summary>The broker hop carries the publishing span's context, as the messaging conventions ask.</summary>
    private static Dictionary<string, object?> TraceHeaders()
    {
        var headers = new Dictionary<string, object?>();
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            headers["traceparent"] = Encoding.UTF8.GetBytes(activity.Id!);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
                headers["tracestate"] = Encoding.UTF8.GetBytes(activity.TraceStateString);
        }
        return headers;
    }

    private async Task<IChannel> GetChannelAsync(IConnection conn, CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await ResetChannelAsync();
        _declared.Clear();
        _channel = await conn.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return _channel;
    }

    private async Task ResetChannelAsync()
    {
        var channel = _channel;
        _channel = null;
        if (channel is null) return;
        try { await channel.CloseAsync(); } catch (Exception) { /* the connection may already be gone */ }
        channel.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await ResetChannelAsync();
        _publishLock.Dispose();
    }
}
