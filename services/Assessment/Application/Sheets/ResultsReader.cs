using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>A level's results of a year for an audience as they stand: the frozen ones once frozen, else computed now.</summary>
public sealed class ResultsReader(AssessmentDbContext db, LiveResults live)
{
    public async Task<LevelResults> ReadAsync(string assessor, Audience audience, int year, CancellationToken cancellationToken) =>
        await FrozenAsync(assessor, audience, year, cancellationToken) ?? await live.ComputeAsync(assessor, audience, year, cancellationToken);

    public async Task<LevelResults?> FrozenAsync(string assessor, Audience audience, int year, CancellationToken cancellationToken)
    {
        var results = await FindAsync(db, assessor, audience, year, cancellationToken);
        if (results is null) return null;
        var sheets = await db.FrozenSheets.AsNoTracking().Where(s => s.ResultsId == results.Id).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        return new LevelResults(assessor, year, audience, results.SchemeId, results.Order,
            [.. sheets.Select(s => new PartySheet(s.Sheet, s.Rank, s.RankedOf, results.FrozenAt, Frozen: true, s.Hash, s.PreviousHash))],
            Frozen: true, results.FrozenAt, results.ChainHead);
    }

    public static Task<FrozenResults?> FindAsync(AssessmentDbContext db, string assessor, Audience audience, int year, CancellationToken cancellationToken) =>
        db.FrozenResults.AsNoTracking().FirstOrDefaultAsync(r => r.AssessorJurisdictionCode == assessor && r.Audience == audience && r.Year == year, cancellationToken);

    /// <summary>Refuses a change that would alter results already frozen (a veto recorded or withdrawn afterwards).</summary>
    public static async Task EnsureNotFrozenAsync(AssessmentDbContext db, string assessor, Audience audience, int year, string operation,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, assessor, audience, year, cancellationToken) is { } frozen)
            throw new DomainRuleException($"{operation}: the {year} results of {assessor} for {LiveResults.Words(audience)} were frozen on " +
                $"{frozen.FrozenAt:yyyy-MM-dd}; a frozen result is not changed.");
    }
}
