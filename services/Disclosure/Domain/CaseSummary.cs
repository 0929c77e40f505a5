namespace Ducha.Disclosure.Domain;

/// <summary>People held accountable at one rank with one sanction, over a set of cases.</summary>
public sealed record AccountabilityCount(CadreRank Rank, Sanction Sanction, int Held, int Exempted);

/// <summary>
/// The cases that came into a jurisdiction's hands in a period and where they stand now: in hand (not closed), closed,
/// overdue (open and past the holder's deadline); and the people held accountable on them.
/// </summary>
public sealed record CaseSummary(int Transferred, int InHand, int Closed, int Overdue, int FactsPending, IReadOnlyList<AccountabilityCount> Accountability)
{
    /// <summary>People sanctioned; those exempted under 容错 are not counted.</summary>
    public int PeopleHeld => Accountability.Sum(a => a.Held);
    public int PeopleExempted => Accountability.Sum(a => a.Exempted);
}
