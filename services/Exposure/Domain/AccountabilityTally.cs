namespace Ducha.Exposure.Domain;

/// <summary>Values match ducha.cases.v1.CadreRank and ducha.exposure.v1.CadreRank: 厅级 / 处级 / 科级 / other.</summary>
public enum CadreRank { Bureau = 1, Division = 2, Section = 3, Other = 4 }

/// <summary>Values match ducha.cases.v1.Sanction and ducha.exposure.v1.Sanction.</summary>
public enum Sanction { Admonition = 1, Criticism = 2, Organizational = 3, PartyDiscipline = 4, Government = 5, JudicialReferral = 6, Other = 7 }

/// <summary>
/// One person Cases recorded as held accountable on a case, as exposure knows them: rank, sanction and whether 容错
/// exempted them. Who they are never enters this service, so no report or notice built here can name them.
/// </summary>
public sealed record PersonAccounted(CadreRank Rank, Sanction Sanction, bool FaultTolerated);

/// <summary>How many people of one rank received one sanction (or were exempted from it by 容错).</summary>
public sealed class AccountabilityTally
{
    public CadreRank Rank { get; init; }
    public Sanction Sanction { get; init; }
    public bool FaultTolerated { get; init; }
    public int Count { get; init; }

    /// <summary>Counts <paramref name="people"/> by rank, sanction and exemption, in that order.</summary>
    public static List<AccountabilityTally> Of(IEnumerable<PersonAccounted> people) =>
        Sum(people.Select(p => new AccountabilityTally { Rank = p.Rank, Sanction = p.Sanction, FaultTolerated = p.FaultTolerated, Count = 1 }));

    /// <summary>Adds tallies of the same rank, sanction and exemption together, in that order.</summary>
    public static List<AccountabilityTally> Sum(IEnumerable<AccountabilityTally> tallies) =>
        [.. tallies.GroupBy(t => (t.Rank, t.Sanction, t.FaultTolerated))
            .OrderBy(g => g.Key.Rank).ThenBy(g => g.Key.Sanction).ThenBy(g => g.Key.FaultTolerated)
            .Select(g => new AccountabilityTally { Rank = g.Key.Rank, Sanction = g.Key.Sanction, FaultTolerated = g.Key.FaultTolerated, Count = g.Sum(t => t.Count) })];
}
