using RabbitMQ.Client;

namespace Ducha.Drill.Load;

/// <summary>
/// What RabbitMQ itself takes on this machine, the way the outbox relays publish: persistent messages of about a
/// kilobyte to a durable queue, each publish awaiting the broker's confirmation, one channel per caller. The queue is
/// the drill's own and is deleted afterwards: the broker floor.
/// </summary>
public static class BrokerFloor
{
    public const string Operation = "RabbitMQ 持久消息发布（等待确认）";

    public static async Task<LoadResult> RunAsync(string amqpUri, int callers, TimeSpan duration, CancellationToken cancellationToken, ProcessCpu? cpu = null)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "drill-load-floor" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var queue = $"drill-floor-{Guid.NewGuid():N}";
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var channels = new IChannel[callers];
        for (var i = 0; i < callers; i++) channels[i] = await connection.CreateChannelAsync(options, cancellationToken);
        try
        {
            await channels[0].QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            var body = new ReadOnlyMemory<byte>(new byte[1000]);
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
            return await Stepper.RunAsync(Operation, callers, duration, async (caller, _) =>
                await channels[caller].BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken), cancellationToken, cpu);
        }
        finally
        {
            await channels[0].QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
            foreach (var channel in channels) await channel.DisposeAsync();
        }
    }
}
