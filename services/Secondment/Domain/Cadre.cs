namespace Ducha.Secondment.Domain;

/// <summary>
/// A cadre (干部) who can be seconded (抽调) into an office or inspection team. The jurisdiction is the cadre's home one:
/// it stays the same however often and wherever the cadre is seconded.
/// </summary>
public sealed class Cadre : JurisdictionRecord
{
    public required string Name { get; init; }
    /// <summary>
    /// The original unit (原单位) the cadre returns to after a secondment: the full name of a unit in the register of the
    /// home jurisdiction, as the cases service keeps it, so that the cadre's old unit can be recognised wherever it acts.
    /// </summary>
    public required string HomeUnit { get; init; }
    public CadreRank Rank { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>专长 (大气, 水, 执法 …): what a level looks for when it staffs a team.</summary>
    public List<string> Specialities { get; init; } = [];
    /// <summary>
    /// The identity the person signs in with (a token's subject), unique: how Cases recognises the seconded cadre when the
    /// same person acts as a handler of the old unit.
    /// </summary>
    public required string Subject { get; init; }
    /// <summary>
    /// Bumped by every new term: two levels seconding the same cadre at once both check for overlap before either commits,
    /// so the row they both change makes the later commit fail instead of storing two overlapping terms.
    /// </summary>
    public int TermsRevision { get; private set; }

    public void NoteNewTerm() => TermsRevision++;

    public static Cadre Register(string jurisdictionCode, string name, string homeUnit, CadreRank rank, IEnumerable<string> specialities,
        string subject, string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            JurisdictionCode = jurisdictionCode,
            Name = name.Trim(),
            HomeUnit = homeUnit.Trim(),
            Rank = rank,
            Specialities = specialities.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Subject = subject.Trim(),
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
}

/// <summary>Values match ducha.secondment.v1.CadreRank.</summary>
public enum CadreRank
{
    /// <summary>厅级.</summary>
    Bureau = 1,
    /// <summary>处级.</summary>
    Division = 2,
    /// <summary>科级.</summary>
    Section = 3,
    Other = 4,
}
