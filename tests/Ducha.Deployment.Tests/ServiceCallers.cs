using System.Text.RegularExpressions;

namespace Ducha.Deployment.Tests;

/// <summary>
/// Which service calls which over gRPC, read from the services' own code (each <c>AddServiceClient&lt;…&gt;("callee", …)</c>
/// in a service's folder, and the console's clients addressed by a service's name), so a network policy cannot forget a
/// caller the code has.
/// </summary>
internal static partial class ServiceCallers
{
    /// <summary>Callee → callers, every gRPC client counted: the services' and the console's (which calls with the person's token).</summary>
    public static Dictionary<string, List<string>> FromSource() => Read(ClientOf());

    /// <summary>
    /// Callee → callers that sign their calls with a token of their own (<c>AddServiceClient</c>): with the identity provider,
    /// each of these holds a private key and its callee lists the public half. The console calls as the person, so it is none.
    /// </summary>
    public static Dictionary<string, List<string>> SigningFromSource() => Read(SignedClientOf());

    private static Dictionary<string, List<string>> Read(Regex clients)
    {
        var services = Path.Combine(ManifestsFixture.RepositoryRoot, "services");
        var callers = new Dictionary<string, List<string>>();
        foreach (var folder in Directory.GetDirectories(services))
        {
            var caller = Path.GetFileName(folder).ToLowerInvariant();
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
                foreach (Match call in clients.Matches(File.ReadAllText(file)))
                {
                    var callee = call.Groups.Values.Skip(1).First(g => g.Success).Value;
                    if (!callers.TryGetValue(callee, out var list)) callers[callee] = list = [];
                    if (!list.Contains(caller)) list.Add(caller);
                }
            }
        }
        return callers;
    }

    // The services' AddServiceClient<…>("callee", …), and the console's clients addressed by name (new Uri("http://callee")).
    [GeneratedRegex("""AddServiceClient<[^>]+>\("(\w+)"\s*,|AsPerson<[^>]+>\("(\w+)"\)|new Uri\("http://(\w+)"\)""")]
    private static partial Regex ClientOf();

    [GeneratedRegex("""AddServiceClient<[^>]+>\("(\w+)"\s*,""")]
    private static partial Regex SignedClientOf();
}
