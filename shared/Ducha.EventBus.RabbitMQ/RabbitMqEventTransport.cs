using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using global::RabbitMQ.Client;

namespace Ducha.EventBus.RabbitMQ;

/// <summary>
/// Publishes to the topic's durable fanout exchange as a persistent message and waits for the broker's
/// publisher confirm; a nack or a lost connection surfaces as an exception so the outbox keeps the event. Several
/// publishes may wait for their confirms at once: the channel's lock is held only until a message is handed to the
/// client, so messages go out in the order the calls began, and the broker confirms a burst with one disk sync.
/// </summary>
public sealed class RabbitMqEventTransport(RabbitMqConnection connection) : IEventTransport, IAsyncDisposable
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _declared = new();
    private IChannel? _channel;

    public string Name => "rabbitmq";

    /// <summary>Well below the channel's limit of outstanding confirms (128), which would otherwise hold publishers back.</summary>
    public int MaxInFlight => 64;

    public bool IsConnected => connection.IsOpen;

    public async Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConfirmTimeout);
        var conn = await connection.GetAsync(timeout.Token);
        if (!conn.IsOpen) throw new InvalidOperationException("RabbitMQ connection is not open.");

        ValueTask confirmed;
        IChannel? channel = null;
        await _publishLock.WaitAsync(timeout.Token);
        try
        {
            channel = await GetChannelAsync(conn, timeout.Token);
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
            // Started under the lock, so the next call's message follows this one; the confirm is awaited outside it.
            confirmed = channel.BasicPublishAsync(exchange, routingKey: string.Empty, mandatory: false, properties, envelope.ToJsonBytes(), timeout.Token);
        }
        catch
        {
            // A failed channel or declaration: start from a fresh channel next time.
            await ResetChannelAsync(channel);
            throw;
        }
        finally
        {
            _publishLock.Release();
        }

        try
        {
            await confirmed;
        }
        catch
        {
            // A failed confirm can leave the channel unusable; start from a fresh one next time (unless another
            // failed publish on it already did).
            await _publishLock.WaitAsync(CancellationToken.None);
            try { await ResetChannelAsync(channel); }
            finally { _publishLock.Release(); }
            throw;
        }
    }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var conn = await connection.GetAsync(cancellationToken);
        await _publishLock.WaitAsync(cancellationToken);
        try { await GetChannelAsync(conn, cancellationToken); }
        finally { _publishLock.Release(); }
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
        await ResetChannelAsync(_channel);
        _declared.Clear();
        _channel = await conn.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return _channel;
    }

    /// <summary>Closes <paramref name="channel"/> if it is still the current one; a newer channel is left alone.</summary>
    private async Task ResetChannelAsync(IChannel? channel)
    {
        if (channel is null || !ReferenceEquals(channel, _channel)) return;
        _channel = null;
        try { await channel.CloseAsync(); } catch (Exception) { /* the connection may already be gone */ }
        channel.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await ResetChannelAsync(_channel);
        _publishLock.Dispose();
    }
}
