using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>
/// The assessing level freezes a year's results of an audience, once: every sheet computed now is stored, hash-chained
/// in ranking order, and the results go out (assessment.results-frozen) to the discipline commission, the organization
/// department and Disclosure, committed with the sheets or not at all.
/// </summary>
public sealed class FreezeResults(AssessmentDbContext db, LiveResults live, SheetReach reach, EventOutbox<AssessmentDbContext> outbox, TimeProvider time,
    ILogger<FreezeResults> logger)
{
    public const string Operation = "FreezeResults";

    public async Task<LevelResults> HandleAsync(string assessor, Audience audience, int year, Actor actor, CancellationToken cancellationToken)
    {
        reach.EnsureAssessingLevel(actor, assessor, Operation);
        await ResultsReader.EnsureNotFrozenAsync(db, assessor, audience, year, Operation, cancellationToken);
        var computed = await live.ComputeAsync(assessor, audience, year, cancellationToken);
        var now = time.GetStoredUtcNow();
        var ranked = computed.Parties.Select(p => new RankedSheet(p.Rank, p.Sheet)).ToList();
        var (results, sheets) = FrozenResults.Freeze(assessor, audience, year, computed.SchemeId, computed.Order, ranked, actor, now);
        db.FrozenResults.Add(results);
        db.FrozenSheets.AddRange(sheets);
        outbox.Add(new ResultsFrozen(assessor, year, audience.ToString(), computed.SchemeId, now, results.ChainHead,
            [.. sheets.Zip(ranked).Select(pair => new FrozenPartyResult(pair.First.JurisdictionCode, pair.Second.Sheet.Department, pair.First.Rank,
                pair.Second.Sheet.Total, pair.Second.Sheet.Rating.ToString(), pair.Second.Sheet.Vetoed, pair.First.Hash, pair.Second.Sheet.SpecialPoints,
                pair.Second.Sheet.DeductionPoints))]));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            db.ChangeTracker.Clear();
            await ResultsReader.EnsureNotFrozenAsync(db, assessor, audience, year, Operation, cancellationToken);
            throw;
        }
        logger.LogInformation("{Operation}: {Year} results of {Assessor} for {Audience} frozen by {Caller}: {Sheets} sheet(s), chain head {ChainHead}", Operation,
            year, assessor, audience, actor.Subject, sheets.Count, results.ChainHead);
        return computed with
        {
            Parties = [.. computed.Parties.Zip(sheets).Select(p => p.First with { ComputedAt = now, Frozen = true, Hash = p.Second.Hash, PreviousHash = p.Second.PreviousHash })],
            Frozen = true, FrozenAt = now, ChainHead = results.ChainHead,
        };
    }
}
