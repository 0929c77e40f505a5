using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ducha.Testing;

namespace Ducha.Deployment.Tests;

/// <summary>
/// deploy/k8s/create-secrets.sh run against a stand-in for the cluster (kubectl renders each Secret as it would, and
/// what would be applied is kept): it makes every Secret the rendered manifests name, and with --provider-identity a
/// P-256 key per calling service whose public half is the one its callee is given, and no shared key.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class CreateSecretsTests(ManifestsFixture manifests) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ducha-create-secrets-").FullName;

    [Fact]
    public async Task With_the_provider_each_caller_gets_a_P256_key_its_callee_the_public_half_and_no_one_a_shared_key()
    {
        var secrets = await CreateSecretsAsync(provider: true);
        var callers = ServiceCallers.SigningFromSource();

        Assert.DoesNotContain("ducha-identity", secrets.Keys);
        var publicKeys = secrets["ducha-service-public-keys"];
        Assert.Equal(callers.Values.SelectMany(c => c).Order(StringComparer.Ordinal), publicKeys.Keys.Order(StringComparer.Ordinal));
        foreach (var caller in publicKeys.Keys)
        {
            using var privateKey = ECDsa.Create();
            privateKey.ImportFromPem(secrets[$"ducha-service-key-{caller}"]["privateKey"]);
            using var publicKey = ECDsa.Create();
            publicKey.ImportFromPem(publicKeys[caller]);
            Assert.Equal(256, privateKey.KeySize);
            Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, privateKey.ExportParameters(false).Curve.Oid.Value);
            Assert.Equal(privateKey.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
        }
        Assert.Equal(publicKeys.Count, publicKeys.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("ducha-console", secrets["ducha-console-client"]["clientId"]);
        Assert.Equal("issued-by-the-provider", secrets["ducha-console-client"]["clientSecret"]);
        foreach (var overlay in ProviderIdentityTests.ProviderOverlayNames)
            AssertEveryReferenceIsMade(manifests[overlay], secrets);
    }

    [Fact]
    public async Task Without_the_provider_it_makes_the_shared_key_and_every_Secret_the_other_overlays_name()
    {
        var secrets = await CreateSecretsAsync(provider: false);

        Assert.Equal(32, Convert.FromBase64String(secrets["ducha-identity"]["signingKey"]).Length);
        Assert.DoesNotContain(secrets.Keys, name => name.StartsWith("ducha-service-", StringComparison.Ordinal));
        Assert.StartsWith("Host=postgres;Database=webconsole;", secrets["ducha-databases"]["webconsoledb"], StringComparison.Ordinal);
        foreach (var overlay in ManifestsFixture.OverlayNames.Where(o => !ProviderIdentityTests.UsesProvider(o)))
            AssertEveryReferenceIsMade(manifests[overlay], secrets);
    }

    [Fact]
    public async Task With_the_provider_but_no_console_client_secret_it_refuses_before_making_anything()
    {
        var result = await RunAsync(["ducha", "--provider-identity"], clientSecret: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("DUCHA_CONSOLE_CLIENT_SECRET", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Applied), "something was applied");
    }

    private string Applied => Path.Combine(_folder, "applied.yaml");

    /// <summary>Every Secret and key a pod's env names is among those the script made.</summary>
    private static void AssertEveryReferenceIsMade(RenderedOverlay rendered, Dictionary<string, Dictionary<string, string>> secrets)
    {
        foreach (var workload in rendered.Workloads)
        foreach (var container in workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().OfType<JsonObject>())
        foreach (var env in container["env"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (env["valueFrom"]?["secretKeyRef"] is not { } reference) continue;
            var (name, key) = ((string)reference["name"]!, (string)reference["key"]!);
            Assert.True(secrets.TryGetValue(name, out var secret) && secret.ContainsKey(key),
                $"{rendered.Name}: {RenderedOverlay.NameOf(workload)} reads {name}/{key}, which create-secrets.sh does not make");
        }
    }

    /// <summary>Runs the script and reads back what it applied: Secret name → key → decoded value.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> CreateSecretsAsync(bool provider)
    {
        var result = await RunAsync(provider ? ["ducha", "--provider-identity"] : ["ducha"], clientSecret: "issued-by-the-provider");
        Assert.True(result.Succeeded, result.Describe());
        var json = await ExternalProcess.RunCheckedAsync(Tools.Require("node", "node is needed"),
            [Path.Combine(manifests.ValidatorFolder, "validate.mjs"), "--json", Applied],
            new ExternalProcessOptions { WorkingDirectory = manifests.ValidatorFolder, Timeout = TimeSpan.FromMinutes(2) });
        var secrets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var secret in JsonNode.Parse(json)!.AsArray().OfType<JsonObject>())
        {
            Assert.Equal("Secret", (string?)secret["kind"]);
            Assert.Equal("ducha", (string?)secret["metadata"]?["namespace"]);
            secrets[RenderedOverlay.NameOf(secret)] = secret["data"]!.AsObject()
                .ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(Convert.FromBase64String((string)p.Value!)), StringComparer.Ordinal);
        }
        return secrets;
    }

    /// <summary>
    /// The script with a kubectl of our own first on PATH: it finds the namespace, lets the real kubectl render each
    /// Secret (client-side, no cluster) and appends what would be applied to a file.
    /// </summary>
    private async Task<ProcessResult> RunAsync(string[] arguments, string? clientSecret)
    {
        var kubectl = Tools.Require("kubectl", "kubectl renders the Secrets the script makes.");
        var stubs = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var stub = Path.Combine(stubs, "kubectl");
        await File.WriteAllTextAsync(stub, $$"""
            #!/usr/bin/env bash
            case "$1" in
              get) exit 0 ;;
              apply) { cat; echo '---'; } >> '{{Applied}}' ;;
              create) exec '{{kubectl}}' "$@" ;;
              *) echo "unexpected: kubectl $*" >&2; exit 1 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = stubs + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DUCHA_CONSOLE_CLIENT_SECRET"] = clientSecret ?? "",
        };
        return await ExternalProcess.RunAsync("bash", [Path.Combine(ManifestsFixture.K8sFolder, "create-secrets.sh"), .. arguments],
            new ExternalProcessOptions { Environment = environment, Timeout = TimeSpan.FromMinutes(2) });
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
