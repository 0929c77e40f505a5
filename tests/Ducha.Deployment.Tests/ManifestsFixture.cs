using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ducha.Testing;

namespace Ducha.Deployment.Tests;

/// <summary>
/// Renders every overlay under deploy/k8s/overlays once with <c>kubectl kustomize</c> and reads the result as JSON
/// (through deploy/k8s/validate/validate.mjs --json), for all tests of the collection. Without kubectl, node or npm
/// every test fails with a message saying what to install: a manifest nobody rendered is not a manifest that works.
/// </summary>
public sealed class ManifestsFixture : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, RenderedOverlay> _overlays = new(StringComparer.Ordinal);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string K8sFolder => Path.Combine(RepositoryRoot, "deploy", "k8s");

    /// <summary>Every folder under deploy/k8s/overlays: a new overlay is rendered and checked without editing a test.</summary>
    public static IReadOnlyList<string> OverlayNames { get; } =
        [.. Directory.GetDirectories(Path.Combine(K8sFolder, "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Overlays => [.. OverlayNames];

    /// <summary>The folder holding validate.mjs with its npm packages installed (npm ci, once per package-lock).</summary>
    public string ValidatorFolder { get; private set; } = "";

    public RenderedOverlay this[string overlay] => _overlays[overlay];
    public IEnumerable<RenderedOverlay> All => _overlays.Values;

    public async Task InitializeAsync()
    {
        var kubectl = Tools.Require("kubectl",
            "kubectl is needed to render deploy/k8s with kustomize (kubectl kustomize). It is not a Debian package in a version "
            + "with a current kustomize; install it from the Kubernetes release packages (or put any kubectl ≥ 1.27 on PATH).");
        var node = Tools.Require("node", "Node.js (node) is needed to validate the rendered manifests (apt-get install nodejs npm).");
        var npm = Tools.Require("npm", "npm is needed to install the validator's packages (apt-get install npm).");
        ValidatorFolder = await PrepareValidatorAsync(npm);
        foreach (var name in OverlayNames)
        {
            var folder = Path.Combine(K8sFolder, "overlays", name);
            var yaml = await ExternalProcess.RunCheckedAsync(kubectl, ["kustomize", folder], new ExternalProcessOptions { Timeout = CommandTimeout });
            var file = Path.Combine(ValidatorFolder, $"rendered-{name}.yaml");
            await File.WriteAllTextAsync(file, yaml);
            var json = await ExternalProcess.RunCheckedAsync(node, [Path.Combine(ValidatorFolder, "validate.mjs"), "--json", file],
                new ExternalProcessOptions { Timeout = CommandTimeout, WorkingDirectory = ValidatorFolder });
            var objects = JsonNode.Parse(json)?.AsArray().OfType<JsonObject>().ToList()
                ?? throw new InvalidOperationException($"validate.mjs --json printed no array for {name}.");
            _overlays[name] = new RenderedOverlay(name, file, objects);
        }
    }

    /// <summary>Runs validate.mjs on one rendered overlay; returns its exit code and what it printed.</summary>
    public Task<ProcessResult> ValidateAsync(string renderedFile) =>
        ExternalProcess.RunAsync(Tools.Require("node", "node is needed"), [Path.Combine(ValidatorFolder, "validate.mjs"), renderedFile],
            new ExternalProcessOptions { Timeout = CommandTimeout, WorkingDirectory = ValidatorFolder });

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Copies deploy/k8s/validate (without node_modules) to a folder in the temp directory named after its package
    /// lock, and runs npm ci there the first time, so the repository stays clean and later runs reuse the packages.
    /// </summary>
    private static async Task<string> PrepareValidatorAsync(string npm)
    {
        var source = Path.Combine(K8sFolder, "validate");
        var lockFile = await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"));
        var key = Convert.ToHexStringLower(SHA256.HashData(lockFile))[..16];
        var target = Path.Combine(Path.GetTempPath(), $"ducha-k8s-validate-{key}");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        if (!File.Exists(Path.Combine(target, "node_modules", ".package-lock.json")))
        {
            await ExternalProcess.RunCheckedAsync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"],
                new ExternalProcessOptions { Timeout = CommandTimeout, WorkingDirectory = target });
        }
        return target;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ducha.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Ducha.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One overlay's rendered objects, as JSON.</summary>
public sealed record RenderedOverlay(string Name, string RenderedFile, IReadOnlyList<JsonObject> Objects)
{
    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Find(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]?["name"] == name)
        ?? throw new Xunit.Sdk.XunitException($"{Name}: no {kind} named {name} in the rendered manifests.");

    /// <summary>Deployments and StatefulSets: everything that runs pods.</summary>
    public IEnumerable<JsonObject> Workloads => OfKind("Deployment").Concat(OfKind("StatefulSet"));

    /// <summary>The five Ducha services: Deployments labelled app.kubernetes.io/component=service.</summary>
    public IEnumerable<JsonObject> Services =>
        OfKind("Deployment").Where(d => (string?)d["metadata"]?["labels"]?["app.kubernetes.io/component"] == "service");

    /// <summary>Ducha's own processes: the five services and the console.</summary>
    public IEnumerable<JsonObject> Apps => Services.Append(Find("Deployment", "webconsole"));

    public static string NameOf(JsonNode? obj) => (string?)obj?["metadata"]?["name"] ?? "?";

    /// <summary>What a Deployment's first container sees: env entries and every key of the ConfigMaps in envFrom.</summary>
    public IEnumerable<Variable> Variables(JsonObject deployment)
    {
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        foreach (var source in container["envFrom"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (source["configMapRef"]?["name"] is { } configMap)
            {
                var data = Find("ConfigMap", (string)configMap!)["data"]!.AsObject();
                foreach (var (key, value) in data) yield return new Variable(key, (string?)value, FromSecret: false, SecretName: null, SecretKey: null);
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"{NameOf(deployment)}: envFrom other than a ConfigMap ({source.ToJsonString()}) is not checked here");
            }
        }
        foreach (var env in container["env"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var secret = env["valueFrom"]?["secretKeyRef"];
            yield return new Variable((string)env["name"]!, (string?)env["value"], secret is not null, (string?)secret?["name"], (string?)secret?["key"]);
        }
    }
}

/// <summary>A variable a container sees; from a Secret's key, or a plain value.</summary>
public sealed record Variable(string Name, string? Value, bool FromSecret, string? SecretName, string? SecretKey);

[CollectionDefinition(Name)]
public sealed class ManifestsCollection : ICollectionFixture<ManifestsFixture>
{
    public const string Name = "Rendered manifests";
}

/// <summary>Finds a command on PATH, or fails with the reason it is needed.</summary>
internal static class Tools
{
    public static string Require(string command, string whyAndHow)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths.Select(p => Path.Combine(p, command)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"'{command}' is not on PATH. {whyAndHow}");
    }

    public static string Describe(this ProcessResult result)
    {
        var text = new StringBuilder();
        text.Append("exit code ").Append(result.ExitCode).AppendLine();
        text.AppendLine(result.StandardOutput).AppendLine(result.StandardError);
        return text.ToString();
    }
}
