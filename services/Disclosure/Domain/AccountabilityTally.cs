namespace Ducha.Disclosure.Domain;

/// <summary>
/// Read model: how many people were held accountable on a case at one rank with one sanction (问责), those exempted under
/// 容错 apart — they are not counted as sanctioned. Never a name: the events carry none.
/// </summary>
public sealed class AccountabilityTally
{
    public required string CaseId { get; init; }
    public CadreRank Rank { get; init; }
    public Sanction Sanction { get; init; }
    public int Held { get; private set; }
    public int Exempted { get; private set; }

    public void Count(bool faultTolerated)
    {
        if (faultTolerated) Exempted++;
        else Held++;
    }
}
