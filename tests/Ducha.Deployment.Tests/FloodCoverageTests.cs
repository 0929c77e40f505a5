using System.Text.RegularExpressions;

namespace Ducha.Deployment.Tests;

/// <summary>
/// The input flood (tools/Ducha.InputFlood) probes every RPC the protos declare, and the README says how many: a new
/// RPC nobody added to the flood would go unprobed by malformed input without anyone noticing.
/// </summary>
public sealed partial class FloodCoverageTests
{
    private static string Root => ManifestsFixture.RepositoryRoot;

    private static SortedSet<string> Declared()
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "shared", "Ducha.Contracts", "Protos"), "*.proto"))
        {
            var text = File.ReadAllText(file);
            var package = PackageLine().Match(text).Groups[1].Value;
            foreach (Match service in ServiceBlock().Matches(text))
                foreach (Match rpc in RpcLine().Matches(service.Groups[2].Value))
                    methods.Add($"{package}.{service.Groups[1].Value}/{rpc.Groups[1].Value}");
        }
        return methods;
    }

    private static SortedSet<string> Probed()
    {
        var source = File.ReadAllText(Path.Combine(Root, "tools", "Ducha.InputFlood", "Probes.cs"));
        var list = GrpcMethodsList().Match(source);
        Assert.True(list.Success, "Probes.cs has no GrpcMethods list");
        // The standard health check is probed too; it is no RPC of Ducha's protos.
        return new(ProbePair().Matches(list.Groups[1].Value).Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value}").Where(m => m != "grpc.health.v1.Health/Check"),
            StringComparer.Ordinal);
    }

    [Fact]
    public void The_flood_probes_every_rpc_the_protos_declare_and_nothing_else()
    {
        var declared = Declared();
        var probed = Probed();

        Assert.True(declared.Count > 80, $"only {declared.Count} RPCs found in the protos");
        Assert.True(!declared.Except(probed).Any(), "not probed: " + string.Join(", ", declared.Except(probed)));
        Assert.True(!probed.Except(declared).Any(), "probed but declared nowhere: " + string.Join(", ", probed.Except(declared)));
    }

    [Fact]
    public void The_README_names_the_number_of_methods_the_flood_probes()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var said = ReadmeCount().Match(readme);

        Assert.True(said.Success, "README.md does not say on how many methods the flood runs ('on N methods of all six services')");
        Assert.Equal(Probed().Count, int.Parse(said.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^package\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^service\s+(\w+)\s*\{(.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ServiceBlock();

    [GeneratedRegex(@"^\s*rpc\s+(\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex RpcLine();

    [GeneratedRegex(@"GrpcMethods\s*=\s*\[(.*?)\];", RegexOptions.Singleline)]
    private static partial Regex GrpcMethodsList();

    [GeneratedRegex(@"\(""([\w.]+)"",\s*""(\w+)""\)")]
    private static partial Regex ProbePair();

    [GeneratedRegex(@"on (\d+) methods of all")]
    private static partial Regex ReadmeCount();
}
