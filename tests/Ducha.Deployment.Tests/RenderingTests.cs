namespace Ducha.Deployment.Tests;

/// <summary>Each overlay renders, and every object it renders is valid against the Kubernetes or Dapr schemas.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class RenderingTests(ManifestsFixture manifests)
{
    private static readonly string[] ServiceNames = ["cases", "exposure", "assessment", "secondment", "disclosure"];

    [Fact]
    public void There_are_a_pilot_county_and_a_province_overlay() =>
        Assert.Superset(new HashSet<string>(["pilot-county", "province"]), new HashSet<string>(ManifestsFixture.OverlayNames));

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public async Task Every_rendered_object_is_valid_against_the_Kubernetes_and_Dapr_schemas(string overlay)
    {
        var result = await manifests.ValidateAsync(manifests[overlay].RenderedFile);

        Assert.True(result.Succeeded, $"{overlay}: {result.Describe()}");
        Assert.Contains($"{manifests[overlay].Objects.Count} objects valid", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validator_refuses_objects_that_break_their_schema()
    {
        // A check that cannot fail proves nothing: a wrong type in a Deployment, a misspelt field in a Dapr component
        // and a kind no schema knows must each be reported.
        var broken = Path.Combine(manifests.ValidatorFolder, "broken-on-purpose.yaml");
        await File.WriteAllTextAsync(broken, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken }
            spec:
              replicas: three
              selector: { matchLabels: { app: broken } }
              template:
                metadata: { labels: { app: broken } }
                spec: { containers: [{ name: broken, image: broken }] }
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: { name: broken }
            spec: { type: pubsub.rabbitmq, version: v1, metdata: [] }
            ---
            apiVersion: example.com/v1
            kind: Unheard
            metadata: { name: broken }
            """);

        var result = await manifests.ValidateAsync(broken);

        Assert.False(result.Succeeded);
        Assert.Contains("Deployment/broken: data/spec/replicas must be integer", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Component/broken: /spec must have required property 'metadata'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Component/broken: /spec must NOT have additional properties (metdata)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Unheard/broken: example.com/v1 Unheard is not", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Every_overlay_runs_the_five_services_and_what_they_need(string overlay)
    {
        var rendered = manifests[overlay];

        Assert.Equal(ServiceNames.Order(StringComparer.Ordinal), rendered.Services.Select(RenderedOverlay.NameOf).Order(StringComparer.Ordinal));
        foreach (var name in ServiceNames) rendered.Find("Service", name);
        rendered.Find("Component", "pubsub");
        rendered.Find("Configuration", "ducha");
        rendered.Find("Resiliency", "ducha-delivery");
        rendered.Find("Deployment", "otel-collector");
        rendered.Find("Service", "otel-collector");
        rendered.Find("StatefulSet", "postgres");
        rendered.Find("StatefulSet", "rabbitmq");
        Assert.All(rendered.Objects.Where(o => (string?)o["kind"] != "Namespace"),
            o => Assert.Equal("ducha", (string?)o["metadata"]?["namespace"]));
    }

    [Fact]
    public void The_pilot_county_runs_one_replica_of_everything()
    {
        var rendered = manifests["pilot-county"];

        Assert.All(rendered.Workloads, w => Assert.Equal(1, (int?)w["spec"]?["replicas"] ?? 1));
        Assert.Empty(rendered.OfKind("HorizontalPodAutoscaler"));
    }

    [Fact]
    public void The_province_scales_each_service_with_limits_an_autoscaler_and_a_disruption_budget()
    {
        // Every province overlay (with the shared key or the identity provider) is sized the same.
        var provinces = ManifestsFixture.OverlayNames.Where(o => o.StartsWith("province", StringComparison.Ordinal)).ToList();
        Assert.Contains("province", provinces);
        foreach (var overlay in provinces) ReplicatedWithBudgets(manifests[overlay]);
    }

    private static void ReplicatedWithBudgets(RenderedOverlay rendered)
    {
        Assert.Equal(3, (int?)rendered.Find("Deployment", "cases")["spec"]?["replicas"]);
        foreach (var service in rendered.Services)
        {
            var name = RenderedOverlay.NameOf(service);
            var replicas = (int?)service["spec"]?["replicas"] ?? 1;
            Assert.True(replicas >= 2, $"{name} runs {replicas} replica(s)");
            var resources = service["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!;
            Assert.NotNull(resources["requests"]?["cpu"]);
            Assert.NotNull(resources["requests"]?["memory"]);
            Assert.NotNull(resources["limits"]?["cpu"]);
            Assert.NotNull(resources["limits"]?["memory"]);

            var hpa = rendered.Find("HorizontalPodAutoscaler", name);
            Assert.Equal(name, (string?)hpa["spec"]?["scaleTargetRef"]?["name"]);
            Assert.Equal(replicas, (int?)hpa["spec"]?["minReplicas"]);
            Assert.True((int?)hpa["spec"]?["maxReplicas"] > replicas);

            AssertBudget(rendered, name, replicas);
        }

        // The console, twice: its replicas share sessions, keys and claimed forms through its database.
        var console = rendered.Find("Deployment", "webconsole");
        var consoleReplicas = (int?)console["spec"]?["replicas"] ?? 1;
        Assert.True(consoleReplicas >= 2, $"the console runs {consoleReplicas} replica(s)");
        Assert.Equal(consoleReplicas, (int?)rendered.Find("HorizontalPodAutoscaler", "webconsole")["spec"]?["minReplicas"]);
        AssertBudget(rendered, "webconsole", consoleReplicas);
    }

    private static void AssertBudget(RenderedOverlay rendered, string name, int replicas)
    {
        var pdb = rendered.Find("PodDisruptionBudget", name);
        Assert.Equal(name, (string?)pdb["spec"]?["selector"]?["matchLabels"]?["app.kubernetes.io/name"]);
        Assert.True((int?)pdb["spec"]?["maxUnavailable"] < replicas, $"{name}'s budget lets every pod go");
    }
}
