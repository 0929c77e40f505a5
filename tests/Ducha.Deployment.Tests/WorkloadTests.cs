using System.Text.Json.Nodes;

namespace Ducha.Deployment.Tests;

/// <summary>How each pod runs: Dapr sidecar settings, probes on the service defaults' endpoints, no root, no privileges.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class WorkloadTests(ManifestsFixture manifests)
{
    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Each_service_has_a_Dapr_sidecar_with_its_app_id_port_protocol_and_tracing_configuration(string overlay)
    {
        var rendered = manifests[overlay];
        foreach (var service in rendered.Services)
        {
            var name = RenderedOverlay.NameOf(service);
            var annotations = service["spec"]!["template"]!["metadata"]!["annotations"]!;
            var container = service["spec"]!["template"]!["spec"]!["containers"]![0]!;
            var port = container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "http")!;

            Assert.Equal("true", (string?)annotations["dapr.io/enabled"]);
            Assert.Equal(name, (string?)annotations["dapr.io/app-id"]);
            Assert.Equal(((int?)port["containerPort"])?.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)annotations["dapr.io/app-port"]);
            // The subscriptions are HTTP routes (/dapr/subscribe, /events/{app}/{topic}); see services/*.yaml.
            Assert.Equal("http", (string?)annotations["dapr.io/app-protocol"]);
            rendered.Find("Configuration", (string?)annotations["dapr.io/config"] ?? "");
            Assert.Equal($"ghcr.io/ducha/{name}", ((string?)container["image"])?.Split(':')[0]);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Each_service_is_probed_on_alive_and_health(string overlay)
    {
        foreach (var service in manifests[overlay].Services)
        {
            var container = service["spec"]!["template"]!["spec"]!["containers"]![0]!;
            Assert.Equal("/alive", (string?)container["livenessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/health", (string?)container["readinessProbe"]?["httpGet"]?["path"]);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Every_pod_runs_as_non_root_without_capabilities_on_a_read_only_root(string overlay)
    {
        foreach (var workload in manifests[overlay].Workloads)
        {
            var name = RenderedOverlay.NameOf(workload);
            var pod = workload["spec"]!["template"]!["spec"]!;
            Assert.True((bool?)pod["securityContext"]?["runAsNonRoot"], $"{name}: runAsNonRoot");
            foreach (var container in pod["containers"]!.AsArray().OfType<JsonObject>())
            {
                var context = container["securityContext"];
                Assert.False((bool?)context?["allowPrivilegeEscalation"] ?? true, $"{name}: allowPrivilegeEscalation");
                Assert.True((bool?)context?["readOnlyRootFilesystem"], $"{name}: readOnlyRootFilesystem");
                Assert.Equal(["ALL"], context?["capabilities"]?["drop"]?.AsArray().Select(c => (string?)c));
                Assert.Null(context?["capabilities"]?["add"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void The_console_runs_without_a_sidecar_on_its_own_database_and_only_the_gateway_reaches_it(string overlay)
    {
        var rendered = manifests[overlay];
        var console = rendered.Find("Deployment", "webconsole");
        var pod = console["spec"]!["template"]!;
        var variables = rendered.Variables(console).ToDictionary(v => v.Name, StringComparer.Ordinal);

        Assert.Null(pod["metadata"]?["annotations"]?["dapr.io/enabled"]);
        // Sessions, the key ring and claimed forms are shared through its own database, so any replica serves anyone.
        var database = variables["ConnectionStrings__webconsoledb"];
        Assert.Equal(("ducha-databases", "webconsoledb"), (database.SecretName, database.SecretKey));
        Assert.Single(variables.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        // Nothing of its own is kept in the pod: the Data Protection keys are no longer a volume.
        var mounts = pod["spec"]!["containers"]![0]!["volumeMounts"]?.AsArray().Select(m => (string?)m!["mountPath"]).ToList() ?? [];
        Assert.Equal(["/tmp"], mounts);
        // Either the shared key or the provider: the console checks people's tokens as the services do.
        Assert.True(variables.ContainsKey("Identity__SigningKey") ^ variables.ContainsKey("Identity__Authority"));
        var policy = rendered.Find("NetworkPolicy", "webconsole-ingress");
        var from = Assert.Single(policy["spec"]!["ingress"]!.AsArray())!["from"]!.AsArray();
        Assert.Equal("true", (string?)Assert.Single(from)!["namespaceSelector"]?["matchLabels"]?["ducha.io/gateway"]);
        Assert.Equal("ghcr.io/ducha/webconsole", ((string?)pod["spec"]!["containers"]![0]!["image"])!.Split(':')[0]);
    }
}
