using Ducha.Drill.Chaos;
using Ducha.Drill.Target;

namespace Ducha.Drill.Load;

/// <summary>
/// What drill load measures: the standalone host at one address (its database floor is SQLite's, measured in a file of
/// the drill's own), or the AppHost's services with the PostgreSQL and RabbitMQ it runs them on, found through its
/// resource service. <see cref="Cpu"/> reads the CPU of its processes when they run on this machine.
/// </summary>
public sealed record LoadDeployment(string Description, Uri Cases, IReadOnlyDictionary<string, Uri>? Services, string? Postgres, string? RabbitMq,
    ProcessCpu? Cpu)
{
    /// <summary>The AppHost and what it runs that is no resource of its own: the orchestrator (DCP) and its proxies.</summary>
    public const string Orchestration = "AppHost 与编排器";
    private const string Standalone = "单机版";
    private static readonly string[] Shown = [.. DrillTarget.ServiceNames, "webconsole", "postgres", "rabbitmq-server", "aspire-dashboard"];

    public bool Distributed => Postgres is not null;

    public static async Task<LoadDeployment> FindAsync(Uri? url, Uri? apphost, string? key, CancellationToken cancellationToken)
    {
        if (url is not null)
            return new LoadDeployment($"{Standalone} {url}", url, null, null, null, ListeningProcess.Find(url) is { } host ? new ProcessCpu([(Standalone, host)]) : null);
        await using var resources = await AppHostResources.ConnectAsync(apphost!, key, cancellationToken);
        await resources.ReadyAsync([.. DrillTarget.ServiceNames, "postgres", "rabbitmq-server"], TimeSpan.FromMinutes(3), cancellationToken);
        var services = ChaosCommand.ServiceAddresses(resources);
        var postgres = ConnectionString(resources, "casesdb")
            ?? throw new InvalidOperationException("the AppHost shows no connection string for casesdb.");
        var broker = ConnectionString(resources, "rabbitmq")
            ?? throw new InvalidOperationException("the AppHost shows no connection string for rabbitmq.");
        return new LoadDeployment($"AppHost {apphost}（cases {services["cases"]}，PostgreSQL，RabbitMQ）", services["cases"], services, postgres, broker,
            Processes(resources, apphost!));
    }

    /// <summary>Every resource with a process, replicas under one name, and the AppHost's own tree for the rest; null when none runs here.</summary>
    private static ProcessCpu? Processes(AppHostResources resources, Uri apphost)
    {
        if (!ProcessCpu.Available) return null;
        var roots = resources.All.Where(r => r.Pid is not null && Directory.Exists($"/proc/{r.Pid}"))
            .OrderBy(r => Array.IndexOf(Shown, r.DisplayName) is >= 0 and var i ? i : Shown.Length).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => (r.DisplayName, r.Pid!.Value)).ToList();
        if (ListeningProcess.Find(apphost) is { } host)
            roots.AddRange(Orchestrators(host).Prepend(host).Select(pid => (Orchestration, pid)));
        return roots.Count == 0 ? null : new ProcessCpu(roots);
    }

    /// <summary>
    /// The AppHost's orchestrator (DCP) runs detached rather than as its child: each of its processes names the one it
    /// watches with <c>--monitor PID</c>, the first of them the AppHost. Its proxies carry every call to a service.
    /// </summary>
    private static IReadOnlyList<int> Orchestrators(int apphost)
    {
        var watching = new List<(int Pid, int Watched)>();
        foreach (var (pid, cmdline) in ProcessTree.ReadEach("cmdline"))
        {
            var args = cmdline.Split('\0');
            var monitor = Array.IndexOf(args, "--monitor");
            if (Path.GetFileName(args[0]) == "dcp" && monitor > 0 && monitor + 1 < args.Length && int.TryParse(args[monitor + 1], out var watched))
                watching.Add((pid, watched));
        }
        return ProcessTree.Reachable(apphost, watching);
    }

    private static string? ConnectionString(AppHostResources resources, string name) =>
        resources.Named(name) is [var resource, ..] ? resource.ConnectionString : null;
}
