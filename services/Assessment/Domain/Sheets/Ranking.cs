using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>A sheet's place in its ranking: 1 is first; parties tied on everything the order weighs share a rank.</summary>
public sealed record RankedSheet(int Rank, ScoreSheet Sheet);

/// <summary>
/// Ranks the parties one level assesses, as its scheme says: by rating (best first) and then total, or by total alone.
/// Ties go to fewer deduction points — the party that did less wrong — and then stand in code order for display.
/// Parties equal in rating (where it counts), total and deduction points share a rank and the next rank is skipped
/// (1, 1, 3): neither is put ahead of the other by its code.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedSheet> Order(IEnumerable<ScoreSheet> sheets, RankingOrder order)
    {
        var byRating = order != RankingOrder.Total;
        var ordered = sheets
            .OrderBy(s => byRating ? (int)s.Rating : 0)
            .ThenByDescending(s => s.Total)
            .ThenBy(s => s.DeductionPoints)
            .ThenBy(s => s.JurisdictionCode, StringComparer.Ordinal)
            .ThenBy(s => s.Department ?? "", StringComparer.Ordinal)
            .ToList();
        var ranked = new List<RankedSheet>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && Tied(ordered[i - 1], ordered[i], byRating);
            ranked.Add(new RankedSheet(tied ? ranked[i - 1].Rank : i + 1, ordered[i]));
        }
        return ranked;
    }

    private static bool Tied(ScoreSheet a, ScoreSheet b, bool byRating) =>
        (!byRating || a.Rating == b.Rating) && a.Total == b.Total && a.DeductionPoints == b.DeductionPoints;
}
