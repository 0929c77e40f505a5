using Ducha.Drill.Chaos;
using Ducha.Drill.Target;

namespace Ducha.Drill.Load;

/// <summary>
/// What drill load measures: the standalone host at one address (its database floor is SQLite's, measured in a file of
/// the drill's own), or the AppHost's services with the PostgreSQL and RabbitMQ it runs them on, found through its
/// resource service.
/// </summary>
public sealed record LoadDeployment(string Description, Uri Cases, IReadOnlyDictionary<string, Uri>? Services, string? Postgres, string? RabbitMq)
{
    public bool Distributed => Postgres is not null;

    public static async Task<LoadDeployment> FindAsync(Uri? url, Uri? apphost, string? key, CancellationToken cancellationToken)
    {
        if (url is not null) return new LoadDeployment($"单机版 {url}", url, null, null, null);
        await using var resources = await AppHostResources.ConnectAsync(apphost!, key, cancellationToken);
        await resources.ReadyAsync([.. DrillTarget.ServiceNames, "postgres", "rabbitmq-server"], TimeSpan.FromMinutes(3), cancellationToken);
        var services = ChaosCommand.ServiceAddresses(resources);
        var postgres = ConnectionString(resources, "casesdb")
            ?? throw new InvalidOperationException("the AppHost shows no connection string for casesdb.");
        var broker = ConnectionString(resources, "rabbitmq")
            ?? throw new InvalidOperationException("the AppHost shows no connection string for rabbitmq.");
        return new LoadDeployment($"AppHost {apphost}（cases {services["cases"]}，PostgreSQL，RabbitMQ）", services["cases"], services, postgres, broker);
    }

    private static string? ConnectionString(AppHostResources resources, string name) =>
        resources.Named(name) is [var resource, ..] ? resource.ConnectionString : null;
}
