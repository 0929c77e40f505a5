using Ducha.Cases.Data;

namespace Ducha.Cases.Application;

/// <summary>One case's texts to check: field name → text.</summary>
public sealed record CaseTexts(string CaseId, IReadOnlyDictionary<string, string> Texts);

/// <summary>The fields of one case asked that carry its reporter's values.</summary>
public sealed record CaseReporterMatches(string CaseId, IReadOnlyList<string> Fields);

/// <summary>One entry per case asked that names a case, in the order asked, and the ids asked for that name no case.</summary>
public sealed record ReporterMatchesAnswer(IReadOnlyList<CaseReporterMatches> Cases, IReadOnlyList<string> Unknown);

/// <summary>
/// <see cref="MatchReporterValues"/> for many cases at once: a province's bulletin carries some 11,000 cases, and one
/// call per case made publishing it take many seconds. The cases are read in one query; one outside the token's province
/// refuses the whole call, as <see cref="GetPublicCaseFacts"/> does. Ids that name no case are answered as unknown, not
/// refused, so the caller decides — disclosure publishes nothing about a case Cases does not know.
/// </summary>
public sealed class MatchReporterValuesForCases(CasesDbContext db, ReporterValueMatching matching)
{
    public const string Operation = "MatchReporterValuesForCases";
    public const int MaxCases = 500;

    public async Task<ReporterMatchesAnswer> HandleAsync(IReadOnlyList<CaseTexts> cases, Actor actor, CancellationToken cancellationToken)
    {
        ReporterValueMatching.EnsureDisclosureActingForItself(actor, Operation);
        var ids = cases.Select(c => c.CaseId).Distinct().ToList();
        var found = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var @case in found.Values) matching.EnsureWithinReach(@case, actor, Operation);
        var matches = cases.Where(c => found.ContainsKey(c.CaseId))
            .Select(c => new CaseReporterMatches(c.CaseId, matching.FieldsCarryingReporter(found[c.CaseId], c.Texts)))
            .ToList();
        return new ReporterMatchesAnswer(matches, [.. ids.Where(id => !found.ContainsKey(id))]);
    }
}
