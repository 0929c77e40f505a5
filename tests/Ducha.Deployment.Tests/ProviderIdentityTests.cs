using System.Text.Json.Nodes;

namespace Ducha.Deployment.Tests;

/// <summary>
/// An overlay either shares one HMAC key (Identity__SigningKey, Secret ducha-identity) or takes people's tokens from the
/// province's identity provider (components/provider-identity): then no pod holds the shared key, each service that
/// signs calls to another holds a key of its own, and each callee lists exactly its callers' public keys, as the code's
/// service clients say who calls whom.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class ProviderIdentityTests(ManifestsFixture manifests)
{
    /// <summary>The overlays that include components/provider-identity (read from their kustomization.yaml).</summary>
    public static IReadOnlyList<string> ProviderOverlayNames => [.. ManifestsFixture.OverlayNames.Where(UsesProvider)];

    public static TheoryData<string> ProviderOverlays => [.. ProviderOverlayNames];

    public static bool UsesProvider(string overlay) =>
        File.ReadAllText(Path.Combine(ManifestsFixture.K8sFolder, "overlays", overlay, "kustomization.yaml"))
            .Contains("components/provider-identity", StringComparison.Ordinal);

    [Fact]
    public void The_province_has_an_example_overlay_with_the_identity_provider() =>
        Assert.Contains("province-provider", ProviderOverlayNames);

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Every_overlay_uses_one_way_of_identity_for_all_its_pods(string overlay)
    {
        var rendered = manifests[overlay];
        var apps = rendered.Apps.Select(a => rendered.Variables(a).ToDictionary(v => v.Name, StringComparer.Ordinal)).ToList();
        var provider = UsesProvider(overlay);

        Assert.All(apps, variables => Assert.Equal(provider, variables.ContainsKey("Identity__Authority")));
        Assert.All(apps, variables => Assert.Equal(!provider, variables.ContainsKey("Identity__SigningKey")));
        if (!provider)
            Assert.All(apps, variables => Assert.Equal(("ducha-identity", "signingKey"), (variables["Identity__SigningKey"].SecretName, variables["Identity__SigningKey"].SecretKey)));
    }

    [Theory]
    [MemberData(nameof(ProviderOverlays))]
    public void No_pod_carries_the_shared_key_and_every_app_reads_the_provider_over_https(string overlay)
    {
        var rendered = manifests[overlay];

        foreach (var workload in rendered.Workloads)
        foreach (var container in workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().OfType<JsonObject>())
        foreach (var env in container["env"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            Assert.NotEqual("Identity__SigningKey", (string?)env["name"]);
            Assert.NotEqual("ducha-identity", (string?)env["valueFrom"]?["secretKeyRef"]?["name"]);
        }
        foreach (var app in rendered.Apps)
        {
            var authority = rendered.Variables(app).Single(v => v.Name == "Identity__Authority").Value;
            Assert.StartsWith("https://", authority, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ProviderOverlays))]
    public void Every_caller_signs_with_a_key_of_its_own_and_no_other_pod_holds_one(string overlay)
    {
        var rendered = manifests[overlay];
        var callers = ServiceCallers.SigningFromSource().Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(callers);

        foreach (var app in rendered.Apps)
        {
            var name = RenderedOverlay.NameOf(app);
            var key = rendered.Variables(app).SingleOrDefault(v => v.Name == "Identity__ServiceSigningKey");
            if (callers.Contains(name))
                Assert.Equal(($"ducha-service-key-{name}", "privateKey"), (key?.SecretName, key?.SecretKey));
            else
                Assert.Null(key);
        }
    }

    [Theory]
    [MemberData(nameof(ProviderOverlays))]
    public void Every_callee_lists_exactly_its_callers_public_keys(string overlay)
    {
        var rendered = manifests[overlay];
        var callers = ServiceCallers.SigningFromSource();
        Assert.Contains("cases", callers.Keys);

        foreach (var app in rendered.Apps)
        {
            var name = RenderedOverlay.NameOf(app);
            var listed = rendered.Variables(app).Where(v => v.Name.StartsWith("Identity__ServiceKeys__", StringComparison.Ordinal)).ToList();
            Assert.Equal(callers.GetValueOrDefault(name, []).Order(StringComparer.Ordinal),
                listed.Select(v => v.Name["Identity__ServiceKeys__".Length..]).Order(StringComparer.Ordinal));
            Assert.All(listed, v => Assert.Equal(("ducha-service-public-keys", v.Name["Identity__ServiceKeys__".Length..]), (v.SecretName, v.SecretKey)));
        }
    }

    [Theory]
    [MemberData(nameof(ProviderOverlays))]
    public void The_console_signs_people_in_as_the_provider_s_client_from_a_Secret(string overlay)
    {
        var rendered = manifests[overlay];
        var console = rendered.Variables(rendered.Find("Deployment", "webconsole")).ToDictionary(v => v.Name, StringComparer.Ordinal);

        Assert.Equal(("ducha-console-client", "clientId"), (console["Identity__Console__ClientId"].SecretName, console["Identity__Console__ClientId"].SecretKey));
        Assert.Equal(("ducha-console-client", "clientSecret"), (console["Identity__Console__ClientSecret"].SecretName, console["Identity__Console__ClientSecret"].SecretKey));
        Assert.DoesNotContain("Identity__ServiceSigningKey", console.Keys);
    }
}
