using System.Diagnostics;
using Ducha.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.EventBus.Tests;

public sealed class RelayBackoffTests
{
    [Fact]
    public async Task After_a_broker_outage_the_relay_resumes_when_the_connection_is_back_not_when_its_backoff_ends()
    {
        var broker = new FlakyTransport();
        await using var bus = await BusHost.StartAsync(configure: services =>
        {
            services.AddSingleton<IEventTransport>(broker);
            // A long backoff, as in production, so sleeping it out would show.
            services.Configure<EventBusOptions>(o => o.OutboxMaxBackoff = TimeSpan.FromMinutes(1));
        });
        await bus.PublishAsync("after-outage");

        // Six failed attempts: the relay now backs off for 6.4 s. It asks whether the connection is back every 0.1 s of
        // that; the connection returns only once it is asking, since a relay that fails while connected rightly sleeps
        // its whole backoff, and a loaded machine can stretch the moment between a failure and the backoff.
        await Eventually.UntilAsync(() => Task.FromResult(broker.Attempts), n => n >= 6, TimeSpan.FromSeconds(30));
        var asked = broker.ConnectionChecks;
        await Eventually.UntilAsync(() => Task.FromResult(broker.ConnectionChecks), n => n >= asked + 2, TimeSpan.FromSeconds(30));
        var back = Stopwatch.StartNew();
        broker.Up = true;

        Assert.Equal(0, await Eventually.UntilAsync(bus.UnsentAsync, n => n == 0, TimeSpan.FromSeconds(30)));
        // Sleeping out the backoff takes 6.4 s; resuming on the connection takes a poll (0.1 s) and a pass — well under 5 s
        // even on a machine busy building (a 3.2 s backoff once lost that race to a loaded CI run).
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(5), $"relayed {back.Elapsed.TotalSeconds:F1} s after the connection was back");
    }

    /// <summary>A broker that is unreachable (and says so) until <see cref="Up"/>.</summary>
    private sealed class FlakyTransport : IEventTransport
    {
        private int _attempts, _connectionChecks;
        public volatile bool Up;
        public int Attempts => Volatile.Read(ref _attempts);
        public int ConnectionChecks => Volatile.Read(ref _connectionChecks);
        public string Name => "flaky";

        public bool IsConnected
        {
            get
            {
                Interlocked.Increment(ref _connectionChecks);
                return Up;
            }
        }

        public Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
        {
            if (Up) return Task.CompletedTask;
            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("The broker connection is not open.");
        }
    }
}
