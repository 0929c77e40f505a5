using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;
using Ducha.Persistence;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Inbox;

namespace Ducha.Assessment.Application.Facts;

/// <summary>
/// The rows the event handlers change: assessed cases and deduction facts. Any of a case's events may come first (over a
/// broker, topics are not ordered with each other) and each carries the case's place, so whichever comes first opens the
/// case; a deduction is found by its key, so an event that adds to one (a second deadline missed) joins it, and the same
/// event applied again changes nothing. Nothing is saved here: what the handlers change stays tracked until the
/// dispatcher commits it with the event's inbox row, or a replay with its page of events — so every lookup looks at the
/// tracked rows first.
/// </summary>
public sealed class FactLedger(AssessmentDbContext db, PreloadedRows preloaded)
{
    private static readonly PerModel<Func<AssessmentDbContext, string, CancellationToken, Task<AssessedCase?>>> CaseOf = new(() =>
        EF.CompileAsyncQuery((AssessmentDbContext db, string id, CancellationToken _) => db.AssessedCases.FirstOrDefault(c => c.CaseId == id)));

    public async Task<AssessedCase> CaseAsync(string caseId, string placeJurisdictionCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await db.FindByKeyAsync(caseId, preloaded, CaseOf, cancellationToken) is { } known) return known;
        var opened = AssessedCase.Open(caseId, placeJurisdictionCode, at);
        db.AssessedCases.Add(opened);
        return opened;
    }

    /// <summary>The case if an event about it was applied; for facts that need not open one.</summary>
    public async Task<AssessedCase?> KnownCaseAsync(string caseId, CancellationToken cancellationToken) =>
        await db.FindByKeyAsync(caseId, preloaded, CaseOf, cancellationToken);

    /// <summary>
    /// The deduction with <paramref name="key"/>, made by <paramref name="create"/> when there is none yet, with the event
    /// behind it attached.
    /// </summary>
    public async Task<DeductionFact> DeductAsync(string key, Func<DeductionFact> create, EventMetadata metadata, string topic, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var fact = db.DeductionFacts.Local.FirstOrDefault(d => d.Key == key)
            ?? await db.DeductionFacts.Include(d => d.Events).FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (fact is null)
        {
            fact = create();
            db.DeductionFacts.Add(fact);
        }
        fact.Attach(metadata.Id, topic, at);
        return fact;
    }
}
