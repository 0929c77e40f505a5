using System.Diagnostics;

namespace Ducha.Drill.Chaos;

/// <summary>How one fault went: what was killed (how many processes), and how long until the AppHost had it running and healthy again.</summary>
public sealed record Recovery(Fault Fault, string Resource, int ProcessesKilled, int Starts, TimeSpan Running, TimeSpan Healthy);

/// <summary>
/// Puts the plan's faults into a running drill: at its round, <c>kill -9</c> on the resource's process tree (one replica,
/// drawn from the seed, where a service runs twice), a pause, then the AppHost's own start command — what an operator
/// does from the dashboard, and what Kubernetes does by itself. One fault at a time: the next waits until the previous
/// resource is healthy, so every fault hits a system in full flow.
/// </summary>
public sealed class FaultInjector(AppHostResources resources, IReadOnlyList<Fault> faults, int seed)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly Random _random = new(seed);
    private readonly List<Task> _injected = [];
    private Task _current = Task.CompletedTask;

    public List<Recovery> Recoveries { get; } = [];

    public async Task OnRoundAsync(int round, CancellationToken cancellationToken)
    {
        foreach (var fault in faults.Where(f => f.Round == round))
        {
            await _current;
            _current = InjectAsync(fault, cancellationToken);
            _injected.Add(_current);
        }
    }

    /// <summary>Every fault injected and recovered from (or the first failure to recover).</summary>
    public Task AllRecoveredAsync() => Task.WhenAll(_injected);

    private async Task InjectAsync(Fault fault, CancellationToken cancellationToken)
    {
        await Task.Delay(fault.Into, cancellationToken);
        var replicas = resources.Named(ChaosPlan.ResourceOf(fault.Target));
        if (replicas.Count == 0) throw new InvalidOperationException($"the AppHost has no resource {ChaosPlan.ResourceOf(fault.Target)}.");
        var name = replicas[_random.Next(replicas.Count)].Name;
        var victim = await resources.WaitAsync(name, r => r.Running && r.Healthy && r.Pid is not null, Patience, cancellationToken);
        var clock = Stopwatch.StartNew();
        var killed = ProcessTree.Kill(victim.Pid!.Value);
        await resources.WaitAsync(name, r => !r.Running, TimeSpan.FromSeconds(30), cancellationToken);
        await ProcessTree.WaitGoneAsync(killed, TimeSpan.FromSeconds(10), cancellationToken);
        await Task.Delay(fault.Down, cancellationToken);
        var (starts, running) = await StartUntilRunningAsync(name, victim.Pid.Value, clock, cancellationToken);
        await resources.WaitAsync(name, r => r.Running && r.Healthy, Patience, cancellationToken);
        lock (Recoveries) Recoveries.Add(new Recovery(fault, name, killed.Count, starts, running, clock.Elapsed));
    }

    /// <summary>
    /// Starts the resource, and again with a growing pause when it exits within seconds — what Kubernetes does with a
    /// container that crashes on start; returns how many starts it took and when the last one was running.
    /// </summary>
    private async Task<(int Starts, TimeSpan Running)> StartUntilRunningAsync(string name, int killedPid, Stopwatch clock, CancellationToken cancellationToken)
    {
        for (var start = 1; ; start++)
        {
            await resources.StartAsync(name, cancellationToken);
            await resources.WaitAsync(name, r => r.Pid is not null && r.Pid != killedPid && r.State is "Running" or "Finished" or "Exited" or "FailedToStart",
                Patience, cancellationToken);
            var (pid, running) = (resources.Current(name).Pid, clock.Elapsed);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var now = resources.Current(name);
            if (now.Running && now.Pid == pid) return (start, running);
            if (start == 5)
                throw new InvalidOperationException($"{name} did not stay up after {start} starts:\n"
                    + string.Join('\n', await resources.LogTailAsync(name, 15, cancellationToken)));
            await Task.Delay(TimeSpan.FromSeconds(start), cancellationToken);
        }
    }
}
