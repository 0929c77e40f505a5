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

        // Six failed attempts: the relay now backs off for 6.4 s.
        await Eventually.UntilAsync(() => Task.FromResult(broker.Attempts), n => n >= 6, TimeSpan.FromSeconds(30));
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
        private int _attempts;
        public volatile bool Up;
        public int Attempts => Volatile.Read(ref _attempts);
        public string Name => "flaky";
        public bool IsConnected => Up;

        public Task PublishAsync(string topic, CloudEventEnvelope envelope, CancellationToken cancellationToken)
        {
            if (Up) return Task.CompletedTask;
            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("The broker connection is not open.");
        }
    }
}
