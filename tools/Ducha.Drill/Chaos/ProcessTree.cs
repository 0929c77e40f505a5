using System.Globalization;

namespace Ducha.Drill.Chaos;

/// <summary>
/// A process and everything it started, read from /proc. The AppHost runs PostgreSQL and RabbitMQ through <c>runuser</c>
/// and a start script, so the process it knows is a parent of the server: killing the server means killing the tree.
/// </summary>
public static class ProcessTree
{
    /// <summary>Sends SIGKILL to <paramref name="root"/> and all its descendants; returns the processes killed.</summary>
    public static IReadOnlyList<int> Kill(int root)
    {
        // Listed before the root dies (its children are then re-parented); the root first, so it cannot start more children.
        var killed = new List<int>();
        foreach (var pid in Descendants(root).Reverse().Prepend(root).ToList())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                killed.Add(pid);
            }
            catch (ArgumentException) { /* already gone */ }
            catch (InvalidOperationException) { /* exited meanwhile */ }
        }
        return killed;
    }

    /// <summary>
    /// Waits until none of <paramref name="pids"/> is left, not even as a zombie: PostgreSQL refuses to start while the PID
    /// in its lock file still exists, and a killed process exists until its new parent reaps it.
    /// </summary>
    public static async Task<bool> WaitGoneAsync(IReadOnlyList<int> pids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (pids.Any(pid => Directory.Exists($"/proc/{pid}")))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, cancellationToken);
        }
        return true;
    }

    public static IReadOnlyList<int> Descendants(int root) => Reachable(root, [.. Snapshot().Select(p => (p.Key, p.Value.Parent))]);

    /// <summary>
    /// Every process reached from <paramref name="root"/> through <paramref name="links"/> (a process and the one it hangs
    /// from: its parent, or the process it watches), nearest first.
    /// </summary>
    public static IReadOnlyList<int> Reachable(int root, IReadOnlyList<(int Pid, int From)> links)
    {
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (pid, from) in links)
                if (from == parent && !found.Contains(pid)) { found.Add(pid); frontier.Enqueue(pid); }
        return found;
    }

    /// <summary>Every process this user may see: its parent and the CPU it has used so far, in clock ticks (user + system).</summary>
    public static Dictionary<int, (int Parent, long Ticks)> Snapshot()
    {
        var processes = new Dictionary<int, (int, long)>();
        foreach (var (pid, stat) in ReadEach("stat"))
        {
            // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        return processes;
    }

    /// <summary>The text of <c>/proc/PID/<paramref name="file"/></c> for every process this user may read, skipping those that exit meanwhile.</summary>
    public static IEnumerable<(int Pid, string Text)> ReadEach(string file)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string text;
            try { text = File.ReadAllText(Path.Combine(dir, file)); }
            catch (IOException) { continue; /* exited while listing */ }
            catch (UnauthorizedAccessException) { continue; }
            yield return (pid, text);
        }
    }
}
