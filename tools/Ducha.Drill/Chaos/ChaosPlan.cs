namespace Ducha.Drill.Chaos;

/// <summary>One fault: which process is killed, in which round, how far into it, and how long it stays down before it is started again.</summary>
public sealed record Fault(string Target, int Round, TimeSpan Into, TimeSpan Down);

/// <summary>The faults of a chaos run, drawn from the drill's seed: the same seed kills the same processes at the same moments.</summary>
public static class ChaosPlan
{
    /// <summary>What can be killed: each service, the console, the broker (RabbitMQ) and the database (PostgreSQL).</summary>
    public static readonly string[] Targets = ["cases", "exposure", "assessment", "secondment", "disclosure", "webconsole", "broker", "database"];

    public static readonly string[] Default = ["cases", "exposure", "disclosure", "broker", "database"];

    /// <summary>The AppHost resource a target names.</summary>
    public static string ResourceOf(string target) => target switch
    {
        "broker" => "rabbitmq-server",
        "database" => "postgres",
        _ => target,
    };

    /// <summary>Rounds a plan of <paramref name="faults"/> faults needs: the first round sets up undisturbed, the last settles.</summary>
    public static int RoundsFor(int faults) => faults + 2;

    /// <summary>
    /// Each target once, in an order drawn from <paramref name="seed"/>, in distinct rounds between the first and the last,
    /// up to 1.5 s into its round (mid-batch) and down for up to 3 s before it is started again.
    /// </summary>
    public static IReadOnlyList<Fault> Draw(IReadOnlyList<string> targets, int rounds, int seed)
    {
        if (rounds < RoundsFor(targets.Count)) throw new ArgumentOutOfRangeException(nameof(rounds), $"{targets.Count} faults need {RoundsFor(targets.Count)} rounds.");
        var random = new Random(seed);
        var order = targets.OrderBy(_ => random.Next()).ToList();
        var slots = Enumerable.Range(1, rounds - 2).OrderBy(_ => random.Next()).Take(order.Count).Order().ToList();
        return [.. order.Select((target, i) => new Fault(target, slots[i], TimeSpan.FromMilliseconds(random.Next(0, 1500)),
            TimeSpan.FromMilliseconds(random.Next(0, 3000))))];
    }
}
