namespace Ducha.Drill.Load;

/// <summary>
/// The CPU time (user and system) that the deployment's processes on this machine spend during a step, read from /proc
/// before and after it and divided by its calls. On a shared machine a step's rate follows the neighbours' load; the CPU
/// a call costs far less so, and it shows which process the time goes to. Each process counts for the nearest of the
/// named roots it descends from (itself included), so replicas add up under one name and a server started through a
/// wrapper script counts for its resource. A process that exits during the step takes its CPU with it.
/// </summary>
public sealed class ProcessCpu
{
    /// <summary>The drill's own process: the callers' side of every call, on the same cores.</summary>
    public const string Drill = "drill（本工具）";

    // /proc counts in USER_HZ, which Linux fixes at 100 on every architecture the drill runs on.
    private const double MsPerTick = 10;
    private readonly Dictionary<int, string> _roots;

    /// <summary><paramref name="roots"/>: process IDs with the names their CPU is reported under, in the order shown.</summary>
    public ProcessCpu(IEnumerable<(string Name, int Pid)> roots)
    {
        var named = roots.ToList();
        _roots = [];
        // A process listed twice keeps its first name.
        foreach (var (name, pid) in named) _roots.TryAdd(pid, name);
        _roots[Environment.ProcessId] = Drill;
        Names = [.. named.Select(r => r.Name).Where(n => n != Drill).Distinct(StringComparer.Ordinal), Drill];
    }

    /// <summary>The names reported, the drill's last.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether this machine shows processes' CPU in /proc (Linux).</summary>
    public static bool Available => File.Exists("/proc/self/stat");

    /// <summary>CPU milliseconds used so far under each name.</summary>
    public IReadOnlyDictionary<string, double> Take()
    {
        var processes = Chaos.ProcessTree.Snapshot();
        var used = Names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        foreach (var (pid, (_, ticks)) in processes)
            if (NearestRoot(pid, processes) is { } name) used[name] += ticks * MsPerTick;
        return used;
    }

    /// <summary>CPU milliseconds per call under each name between two samples; a name whose total went down (a process replaced) is left out.</summary>
    public static IReadOnlyDictionary<string, double> PerCall(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, long calls) =>
        calls <= 0 ? new Dictionary<string, double>() : after
            .Where(a => a.Value >= before.GetValueOrDefault(a.Key))
            .ToDictionary(a => a.Key, a => (a.Value - before.GetValueOrDefault(a.Key)) / calls, StringComparer.Ordinal);

    private string? NearestRoot(int pid, Dictionary<int, (int Parent, long Ticks)> processes)
    {
        // Bounded: a parent chain is short, and /proc read process by process may show a loop of reused IDs.
        for (var depth = 0; depth < 64; depth++)
        {
            if (_roots.TryGetValue(pid, out var name)) return name;
            if (!processes.TryGetValue(pid, out var process) || process.Parent <= 1) return null;
            pid = process.Parent;
        }
        return null;
    }
}
