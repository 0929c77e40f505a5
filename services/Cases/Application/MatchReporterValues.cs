using Ducha.Cases.Data;

namespace Ducha.Cases.Application;

/// <summary>
/// Before disclosure publishes text derived from a case, it asks here which of its fields carry a value of the case's
/// sealed reporter (<see cref="ReporterValueMatching"/>). Kept for callers that check one case at a time; disclosure
/// checks a bulletin's cases in batches (<see cref="MatchReporterValuesForCases"/>).
/// </summary>
public sealed class MatchReporterValues(CasesDbContext db, ReporterValueMatching matching)
{
    public const string Operation = "MatchReporterValues";

    /// <returns>The names of the fields that carry a reporter value, in ordinal order; none for an anonymous complaint.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(string caseId, IReadOnlyDictionary<string, string> texts, Actor actor, CancellationToken cancellationToken)
    {
        ReporterValueMatching.EnsureDisclosureActingForItself(actor, Operation);
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new EntityNotFoundException("Case", caseId);
        matching.EnsureWithinReach(@case, actor, Operation);
        return matching.FieldsCarryingReporter(@case, texts);
    }
}
