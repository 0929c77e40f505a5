using System.Collections.Concurrent;

namespace Ducha.Drill.Scenario;

/// <summary>What the drill did and was answered for: the ground truth the invariant report holds the deployment to.</summary>
public sealed class DrillLedger
{
    public ConcurrentDictionary<string, DrillCase> Cases { get; } = new(StringComparer.Ordinal);

    /// <summary>Acknowledged complaints: idempotency key → case id the deployment answered.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls made per operation, and refusals the drill did not expect (with the rule's words).</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> Surprises { get; } = new();

    /// <summary>Calls retried after an outage and refused for their state: read back and walked on from what was there.</summary>
    public ConcurrentQueue<string> Ambiguous { get; } = new();

    /// <summary>Every deadline an assignment was answered with, to hold against the official calendar.</summary>
    public ConcurrentQueue<AssignedDeadline> Deadlines { get; } = new();

    /// <summary>Problems the province's column aired: problem id → the county it lies in (Cases opens a case for each).</summary>
    public ConcurrentDictionary<string, string> AiredProblems { get; } = new(StringComparer.Ordinal);

    /// <summary>The month's 双随机 draw and the commitment published at draw time.</summary>
    public (string Id, string Commitment)? Draw { get; set; }

    public void Count(string operation, int times = 1) => Calls.AddOrUpdate(operation, times, (_, n) => n + times);

    public IEnumerable<string> ReporterValues =>
        Cases.Values.Where(c => c.Request.Reporter is not null).SelectMany(c => new[] { c.Request.Reporter.Name, c.Request.Reporter.Phone });
}

/// <summary>An assignment as answered: delivered then, given so many working days, due on <c>Deadline</c>.</summary>
public sealed record AssignedDeadline(string CaseId, DateTimeOffset DeliveredAt, int WorkingDays, string Deadline);
