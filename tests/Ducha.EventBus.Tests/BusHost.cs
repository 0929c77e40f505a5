using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.EventBus.InMemory;
using Ducha.EventBus.RabbitMQ;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ducha.EventBus.Tests;

/// <summary>A host with one publisher and one consumer on a real SQLite file, wired as a service wires the bus.</summary>
public sealed class BusHost : IAsyncDisposable
{
    private readonly string _folder;

    private BusHost(IHost host, string folder)
    {
        Host = host;
        _folder = folder;
    }

    public IHost Host { get; }
    public HandlerBehaviour Behaviour => Host.Services.GetRequiredService<HandlerBehaviour>();
    public IEventTransport Transport => Host.Services.GetRequiredService<IEventTransport>();
    public InMemoryEventTransport InMemory => Host.Services.GetRequiredService<InMemoryEventTransport>();
    public OutboxRelay<TestDbContext> Relay => Host.Services.GetRequiredService<OutboxRelay<TestDbContext>>();

    /// <summary>
    /// Starts the host; <paramref name="runRelay"/> false leaves publishing to the test (it calls the relay itself).
    /// Without <paramref name="rabbitMqUri"/> the bus is in-memory; without <paramref name="postgres"/> the store is SQLite.
    /// </summary>
    public static async Task<BusHost> StartAsync(bool runRelay = true, string? rabbitMqUri = null, string? postgres = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("ducha-bus-").FullName;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventBus:OutboxPollInterval"] = "00:00:00.200",
            ["EventBus:OutboxMaxBackoff"] = "00:00:01",
            ["ConnectionStrings:rabbitmq"] = rabbitMqUri,
        });
        builder.Services.AddDbContext<TestDbContext>((services, o) =>
        {
            o.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            if (postgres is null) o.UseSqlite($"Data Source={Path.Combine(folder, "bus.db")};Default Timeout=30");
            else o.UseNpgsql(postgres);
        });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton<HandlerBehaviour>();
        var bus = builder.Services.AddEventBusCore(builder.Configuration);
        if (rabbitMqUri is null) bus.AddInMemoryTransport();
        else bus.AddRabbitMqTransport();
        bus.AddOutbox<TestDbContext>("publisher")
            .AddSubscription<Tallied, TallyHandler, TestDbContext>("consumer");
        configure?.Invoke(builder.Services);
        if (!runRelay)
        {
            var relayService = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null);
            builder.Services.Remove(relayService);
        }
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
        if (host.Services.GetService<RabbitMqSubscriber>() is { } subscriber)
            await subscriber.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return new BusHost(host, folder);
    }

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, IServiceProvider, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TestDbContext>(), scope.ServiceProvider);
    }

    public Task<int> CountAsync(string key) =>
        WithDbAsync(async (db, _) => (await db.Tallies.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key))?.Count ?? 0);

    public Task<int> UnsentAsync() =>
        WithDbAsync((db, _) => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));

    /// <summary>Commits a change of state and its event together, as a service does.</summary>
    public Task<CloudEventEnvelope> PublishAsync(string key, bool commit = true) => WithDbAsync(async (db, services) =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tallies.Add(new Tally { Key = $"state-{key}-{Guid.NewGuid():N}" });
        var envelope = services.GetRequiredService<EventOutbox<TestDbContext>>().Add(new Tallied(key));
        await db.SaveChangesAsync();
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
        return envelope;
    });

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        // The RabbitMQ connection only disposes asynchronously.
        if (Host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync();
        else Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
