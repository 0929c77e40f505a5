using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit.Abstractions;

namespace Ducha.Testing.Tests;

public sealed class RabbitMqServerTests(RabbitMqFixture fixture, ITestOutputHelper output) : IClassFixture<RabbitMqFixture>
{
    private RabbitMqServer Server => fixture.Server;

    [Fact]
    public async Task Published_message_can_be_fetched_back()
    {
        output.WriteLine($"{Server} started in {Server.StartupDuration.TotalSeconds:0.0} s");
        var queue = "roundtrip-" + Guid.NewGuid().ToString("N");

        await using var connection = await Server.CreateConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);

        await channel.BasicPublishAsync(exchange: string.Empty, routingKey: queue, body: Encoding.UTF8.GetBytes("hello ducha"));

        var result = await GetWithRetryAsync(channel, queue);
        Assert.NotNull(result);
        Assert.Equal("hello ducha", Encoding.UTF8.GetString(result.Body.Span));
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
    }

    [Fact]
    public async Task Rabbitmqctl_lists_a_declared_queue()
    {
        var queue = "listed-" + Guid.NewGuid().ToString("N");
        await using var connection = await Server.CreateConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);

        var listing = await Server.RabbitmqctlAsync("list_queues", "name");

        Assert.Contains(queue, listing.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Rabbitmqctl_failure_throws_with_stderr()
    {
        var error = await Assert.ThrowsAsync<ExternalProcessException>(() => Server.RabbitmqctlAsync("no_such_command_xyz"));

        Assert.NotNull(error.Result);
        Assert.NotEqual(0, error.Result!.ExitCode);
        Assert.Contains("no_such_command_xyz", error.Message);
    }

    [Fact]
    public void Local_node_uses_loopback_guest_uri_and_private_folder()
    {
        if (Server.Backend != TestServerBackend.LocalProcess) return;

        Assert.Equal($"amqp://guest:guest@127.0.0.1:{Server.Port}/", Server.AmqpUri);
        Assert.StartsWith("ducha-", Server.NodeName);
        Assert.EndsWith("@localhost", Server.NodeName);
        Assert.True(Directory.Exists(Server.DataDirectory));
    }

    [Fact]
    public async Task Pause_breaks_connections_and_resume_restores_them_without_touching_other_brokers()
    {
        // A broker of its own, so the outage does not disturb the other tests (and proves two run side by side).
        var server = await RabbitMqServer.StartAsync();
        var folder = server.DataDirectory;
        output.WriteLine($"second {server} started in {server.StartupDuration.TotalSeconds:0.0} s");
        try
        {
            Assert.NotEqual(Server.Port, server.Port);
            if (server.NodeName is not null) Assert.NotEqual(Server.NodeName, server.NodeName);

            var factory = new ConnectionFactory { Uri = new Uri(server.AmqpUri), AutomaticRecoveryEnabled = false };
            await using var before = await factory.CreateConnectionAsync();
            Assert.True(before.IsOpen);

            await server.PauseAsync();

            // The open connection is dropped by the broker...
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (before.IsOpen && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.False(before.IsOpen);

            // ...and new connections fail.
            await Assert.ThrowsAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());

            // The fixture's broker is unaffected.
            await using (var other = await Server.CreateConnectionFactory().CreateConnectionAsync())
                Assert.True(other.IsOpen);

            await server.ResumeAsync();

            await using var after = await factory.CreateConnectionAsync();
            await using var channel = await after.CreateChannelAsync();
            var declared = await channel.QueueDeclareAsync("after-resume", durable: false, exclusive: true, autoDelete: true);
            Assert.Equal("after-resume", declared.QueueName);
        }
        finally
        {
            await server.DisposeAsync();
        }

        // Disposed: the port is closed and the folder is gone.
        Assert.False(await IsListeningAsync(server.Port));
        if (folder is not null) Assert.False(Directory.Exists(folder), $"{folder} should have been deleted");
    }

    [Fact]
    public async Task A_killed_broker_restarts_on_the_same_port_with_its_persistent_messages()
    {
        await using var server = await RabbitMqServer.StartAsync();
        var queue = "survives-" + Guid.NewGuid().ToString("N");
        await using (var connection = await server.CreateConnectionFactory().CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            // Confirmed, so the broker has it on disk before the crash.
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, new BasicProperties { Persistent = true },
                Encoding.UTF8.GetBytes("kept"));
        }
        // The confirm puts the message on disk, but the queue's declaration goes to the node's metadata log, which the
        // broker may still hold in a write buffer: a kill a moment later could take the queue with it. A broker that
        // has been up a while has long flushed it; sync it here instead of waiting for that.
        await server.RabbitmqctlAsync("eval", "mnesia:sync_log().");

        await server.KillAsync();
        Assert.False(await IsListeningAsync(server.Port));
        await server.RestartAsync();

        await using var after = await server.CreateConnectionFactory().CreateConnectionAsync();
        await using var afterChannel = await after.CreateChannelAsync();
        var result = await GetWithRetryAsync(afterChannel, queue);
        Assert.NotNull(result);
        Assert.Equal("kept", Encoding.UTF8.GetString(result.Body.Span));
    }

    private static async Task<BasicGetResult?> GetWithRetryAsync(IChannel channel, string queue)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var result = await channel.BasicGetAsync(queue, autoAck: true);
            if (result is not null) return result;
            await Task.Delay(100);
        }

        return null;
    }

    internal static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
