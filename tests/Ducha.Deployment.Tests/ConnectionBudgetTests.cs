using System.Globalization;
using Ducha.Persistence;

namespace Ducha.Deployment.Tests;

/// <summary>
/// Every replica of every service and of the console may hold <see cref="PostgresPool.DefaultMaxPoolSize"/> connections
/// to the one PostgreSQL server. At the most replicas the autoscalers allow, they must all fit within the server's
/// <c>max_connections</c>; otherwise the replicas added under load are refused ("too many clients") just when needed.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class ConnectionBudgetTests(ManifestsFixture manifests)
{
    private const int PostgresDefaultMaxConnections = 100;
    private const int SuperuserReserved = 3;

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Every_replica_at_the_autoscalers_maximum_gets_its_connections(string overlay)
    {
        var rendered = manifests[overlay];
        var ceilings = rendered.OfKind("HorizontalPodAutoscaler")
            .ToDictionary(h => (string)h["spec"]!["scaleTargetRef"]!["name"]!, h => (int)h["spec"]!["maxReplicas"]!);
        var replicas = rendered.Apps.Sum(app =>
            ceilings.TryGetValue(RenderedOverlay.NameOf(app), out var most) ? most : (int?)app["spec"]!["replicas"] ?? 1);
        var postgres = rendered.Find("StatefulSet", "postgres")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var args = postgres["args"]?.AsArray().Select(a => (string)a!).ToList() ?? [];
        var setting = args.SingleOrDefault(a => a.StartsWith("max_connections=", StringComparison.Ordinal));
        var maxConnections = setting is null ? PostgresDefaultMaxConnections : int.Parse(setting.Split('=')[1], CultureInfo.InvariantCulture);

        var needed = replicas * PostgresPool.DefaultMaxPoolSize;
        Assert.True(needed <= maxConnections - SuperuserReserved,
            $"{overlay}: {replicas} replicas × {PostgresPool.DefaultMaxPoolSize} connections = {needed}, but max_connections is {maxConnections}");
    }
}
