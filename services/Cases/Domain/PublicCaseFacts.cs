namespace Ducha.Cases.Domain;

/// <summary>Where the rectification of a case stands, as the public may be told; values match ducha.cases.v1.Rectification.</summary>
public enum Rectification
{
    /// <summary>No report of the current round has been accepted yet.</summary>
    InHandling = 1,
    /// <summary>The accepted report fixed the problem on the spot (立行立改).</summary>
    RectifiedNow = 2,
    /// <summary>The accepted report carries a rectification plan, due on its deadline.</summary>
    Planned = 3,
    /// <summary>Closed: rectification done (整改到位) was attested with the four not-let-go.</summary>
    Completed = 4,
}

/// <summary>People held accountable on a case, counted by rank and sanction; those exempted under 容错 apart. No names.</summary>
public sealed record AccountabilityCount(CadreRank Rank, Sanction Sanction, int Held, int Exempted);

/// <summary>
/// What the public may be told about a case (信息公开): where, what, how it came in, where it stands, what was found and
/// done, how far rectification has got, and how many people were held accountable at which rank. Never who complained,
/// never whom was held accountable by name. The description is as stored: a reporter value typed into it by mistake is
/// found by <see cref="ReporterMentions"/> before anything is published, not hidden here.
/// </summary>
public sealed record PublicCaseFacts(Case Case, HandlingReport? AcceptedReport, Rectification Rectification, IReadOnlyList<AccountabilityCount> Accountability,
    string? ExposureId)
{
    /// <summary>
    /// The facts of <paramref name="case"/> from its reports and accountability records. The accepted report is the last one
    /// of the latest round that reached verification: every earlier round did (a case reopens only once closed, and closes
    /// only once verified), the current one when the case is verified or closed; within a round, a report sent back is
    /// followed by the one that replaced it.
    /// </summary>
    public static PublicCaseFacts Of(Case @case, IEnumerable<HandlingReport> reports, IEnumerable<AccountabilityRecord> accountability, string? exposureId)
    {
        var currentVerified = @case.Status is CaseStatus.Verified or CaseStatus.Closed;
        var accepted = reports.Where(r => r.Round < @case.Round || (r.Round == @case.Round && currentVerified)).MaxBy(r => r.Number);
        var rectification = @case.Status == CaseStatus.Closed ? Rectification.Completed
            : accepted is null || accepted.Round < @case.Round ? Rectification.InHandling
            : accepted.RectifiedNow ? Rectification.RectifiedNow : Rectification.Planned;
        var counts = accountability.GroupBy(r => (r.Rank, r.Sanction)).OrderBy(g => g.Key.Rank).ThenBy(g => g.Key.Sanction)
            .Select(g => new AccountabilityCount(g.Key.Rank, g.Key.Sanction, g.Count(r => !r.FaultTolerated), g.Count(r => r.FaultTolerated)))
            .ToList();
        return new PublicCaseFacts(@case, accepted, rectification, counts, exposureId);
    }
}
