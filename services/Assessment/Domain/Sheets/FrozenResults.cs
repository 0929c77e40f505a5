using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// A level's final results of a year for one audience, frozen once: every party's sheet stored as it stood, chained by
/// hash in ranking order like a case's history, so a sheet changed, removed or reordered afterwards no longer verifies
/// (against 弄虚作假). The chain starts from a genesis of its own assessor, year and audience, so one freeze's sheets
/// cannot pass for another's.
/// </summary>
public sealed class FrozenResults
{
    public string Id { get; init; } = Ducha.BuildingBlocks.OrderedIds.NewId();
    public required string AssessorJurisdictionCode { get; init; }
    public Audience Audience { get; init; }
    public int Year { get; init; }
    public required string SchemeId { get; init; }
    public RankingOrder Order { get; init; }
    public DateTimeOffset FrozenAt { get; init; }
    public required string FrozenBy { get; init; }
    public int Sheets { get; init; }
    public required string ChainHead { get; init; }

    /// <summary>Freezes <paramref name="ranked"/> (in ranking order) as the results of the level, year and audience.</summary>
    public static (FrozenResults Results, IReadOnlyList<FrozenSheet> Sheets) Freeze(string assessor, Audience audience, int year, string schemeId,
        RankingOrder order, IReadOnlyList<RankedSheet> ranked, Actor actor, DateTimeOffset at)
    {
        if (ranked.Count == 0) throw new DomainRuleException($"{assessor} assesses no party for {year}: there is nothing to freeze.");
        var results = new List<FrozenSheet>(ranked.Count);
        var previous = Genesis(assessor, year, audience);
        var id = Ducha.BuildingBlocks.OrderedIds.NewId();
        for (var i = 0; i < ranked.Count; i++)
        {
            var sheet = FrozenSheet.Link(id, assessor, audience, year, i + 1, ranked[i], ranked.Count, previous, at);
            results.Add(sheet);
            previous = sheet.Hash;
        }
        return (new FrozenResults
        {
            Id = id, AssessorJurisdictionCode = assessor, Audience = audience, Year = year, SchemeId = schemeId, Order = order, FrozenAt = at,
            FrozenBy = actor.Subject, Sheets = ranked.Count, ChainHead = previous,
        }, results);
    }

    /// <summary>Where the chain of a level's results for a year and audience starts.</summary>
    public static string Genesis(string assessor, int year, Audience audience) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"ducha.assessment.results|{assessor}|{year.ToString(CultureInfo.InvariantCulture)}|{audience}")));

    /// <summary>
    /// Walks the stored sheets in chain order: the first whose position, link or content no longer holds, named by its
    /// party; null when every sheet and the chain head hold.
    /// </summary>
    public string? FirstBroken(IReadOnlyList<FrozenSheet> chain)
    {
        var expectedPrevious = Genesis(AssessorJurisdictionCode, Year, Audience);
        for (var i = 0; i < chain.Count; i++)
        {
            var sheet = chain[i];
            if (sheet.Position != i + 1 || sheet.PreviousHash != expectedPrevious || !sheet.Holds(AssessorJurisdictionCode, Audience, Year, FrozenAt))
                return sheet.PartyName;
            expectedPrevious = sheet.Hash;
        }
        // A sheet removed from the end leaves every link whole but the head the freeze recorded.
        return chain.Count == Sheets && expectedPrevious == ChainHead ? null : "chain_head";
    }
}
