using System.Text.Json.Nodes;

namespace Ducha.Deployment.Tests;

/// <summary>
/// Only what must talk can talk: ingress is denied by default, every pod has a policy naming who may reach it, and no
/// policy lets everyone in. Who must reach the stores is read from the pods themselves: the services and the console
/// with a database connection string reach PostgreSQL, those with a Dapr sidecar reach RabbitMQ, those exporting
/// telemetry (an OTLP endpoint, or a sidecar with a tracing configuration) the collector.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class NetworkPolicyTests(ManifestsFixture manifests)
{
    public static TheoryData<string> Overlays => ManifestsFixture.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Ingress_is_denied_unless_a_policy_allows_it(string overlay)
    {
        var policies = manifests[overlay].OfKind("NetworkPolicy").ToList();

        Assert.Contains(policies, p => p["spec"]?["podSelector"]?.AsObject().Count == 0
            && p["spec"]?["policyTypes"]?.AsArray().Any(t => (string?)t == "Ingress") == true
            && (p["spec"]?["ingress"]?.AsArray().Count ?? 0) == 0);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_policy_allows_everyone(string overlay)
    {
        foreach (var policy in manifests[overlay].OfKind("NetworkPolicy"))
        {
            var name = RenderedOverlay.NameOf(policy);
            foreach (var rule in policy["spec"]?["ingress"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var from = rule["from"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
                Assert.True(from.Count > 0, $"{name}: a rule without 'from' admits every source");
                Assert.True(rule["ports"]?.AsArray().Count > 0, $"{name}: a rule without 'ports' admits every port");
                foreach (var peer in from)
                {
                    Assert.True(peer.Count > 0, $"{name}: an empty peer admits every pod");
                    Assert.False(peer["namespaceSelector"] is JsonObject ns && ns.Count == 0 && peer["podSelector"] is null,
                        $"{name}: namespaceSelector {{}} admits every namespace");
                    Assert.False(peer["podSelector"] is JsonObject ps && ps.Count == 0 && peer["namespaceSelector"] is null,
                        $"{name}: podSelector {{}} admits every pod of the namespace");
                    var cidr = (string?)peer["ipBlock"]?["cidr"];
                    Assert.False(cidr is "0.0.0.0/0" or "::/0", $"{name}: ipBlock {cidr} admits every address");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_service_admits_the_gateway_namespace_and_the_services_that_call_it_on_its_port_and_nothing_else(string overlay)
    {
        var rendered = manifests[overlay];
        var callers = ServiceCallers.FromSource();
        Assert.NotEmpty(callers);
        foreach (var service in rendered.Services)
        {
            var name = RenderedOverlay.NameOf(service);
            var rules = RulesFor(rendered, name);
            Assert.All(rules, rule => Assert.Equal(["http"], rule["ports"]!.AsArray().Select(p => (string?)p!["port"])));
            var peers = rules.SelectMany(r => r["from"]!.AsArray().OfType<JsonObject>()).ToList();

            var gateway = Assert.Single(peers, p => p["namespaceSelector"] is not null);
            Assert.Equal("true", (string?)gateway["namespaceSelector"]?["matchLabels"]?["ducha.io/gateway"]);
            Assert.Null(gateway["podSelector"]);
            var admitted = peers.Where(p => p["namespaceSelector"] is null).SelectMany(p => NamesSelectedBy(Assert.IsType<JsonObject>(p["podSelector"])));
            Assert.Equal(callers.GetValueOrDefault(name, []).Order(StringComparer.Ordinal), admitted.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_stores_and_the_collector_admit_exactly_the_services_that_use_them(string overlay)
    {
        var rendered = manifests[overlay];
        var apps = rendered.Apps.ToList();
        bool Sets(JsonObject app, Func<string, bool> name) => rendered.Variables(app).Any(v => name(v.Name));
        var expected = new Dictionary<string, IEnumerable<string>>
        {
            ["postgres"] = apps.Where(a => Sets(a, n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal))).Select(RenderedOverlay.NameOf),
            ["rabbitmq"] = apps.Where(a => (string?)a["spec"]!["template"]!["metadata"]!["annotations"]?["dapr.io/enabled"] == "true").Select(RenderedOverlay.NameOf),
            ["otel-collector"] = apps.Where(a => a["spec"]!["template"]!["metadata"]!["annotations"]?["dapr.io/config"] is not null
                || Sets(a, n => n == "OTEL_EXPORTER_OTLP_ENDPOINT")).Select(RenderedOverlay.NameOf),
        };
        // The console keeps its sessions in its own database and sends its telemetry like the services.
        Assert.Contains("webconsole", expected["postgres"]);
        Assert.Contains("webconsole", expected["otel-collector"]);
        foreach (var (target, callers) in expected)
        {
            var admitted = RulesFor(rendered, target)
                .SelectMany(r => r["from"]!.AsArray().OfType<JsonObject>())
                .SelectMany(peer => Assert.IsType<JsonObject>(peer["podSelector"]) is var selector && peer["namespaceSelector"] is null
                    ? NamesSelectedBy(selector) : throw new Xunit.Sdk.XunitException($"{target}: a peer from another namespace"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(callers.Order(StringComparer.Ordinal), admitted);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_is_selected_by_a_policy_naming_its_peers(string overlay)
    {
        var rendered = manifests[overlay];
        foreach (var workload in rendered.Workloads)
        {
            var name = (string?)workload["spec"]!["template"]!["metadata"]!["labels"]!["app.kubernetes.io/name"] ?? "?";
            Assert.NotEmpty(RulesFor(rendered, name));
        }
    }

    /// <summary>The ingress rules of the policies whose podSelector picks app.kubernetes.io/name=<paramref name="app"/>.</summary>
    private static List<JsonObject> RulesFor(RenderedOverlay rendered, string app) =>
        [.. rendered.OfKind("NetworkPolicy")
            .Where(p => (string?)p["spec"]?["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"] == app)
            .SelectMany(p => p["spec"]?["ingress"]?.AsArray().OfType<JsonObject>() ?? [])];

    private static List<string> NamesSelectedBy(JsonObject selector)
    {
        if ((string?)selector["matchLabels"]?["app.kubernetes.io/name"] is { } one) return [one];
        var expression = selector["matchExpressions"]?.AsArray().OfType<JsonObject>()
            .SingleOrDefault(e => (string?)e["key"] == "app.kubernetes.io/name" && (string?)e["operator"] == "In");
        return expression?["values"]?.AsArray().Select(v => (string)v!).ToList()
            ?? throw new Xunit.Sdk.XunitException($"A peer selector this test cannot read: {selector.ToJsonString()}");
    }
}
