using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// One party's sheet in frozen results: its canonical JSON, its rank, and a hash over all of it, the freeze's level,
/// year, audience and time, and the hash of the sheet before it.
/// </summary>
public sealed class FrozenSheet
{
    public required string ResultsId { get; init; }
    /// <summary>1 for the first in ranking order: the chain's order.</summary>
    public int Position { get; init; }
    public required string JurisdictionCode { get; init; }
    /// <summary>Empty for a jurisdiction's sheet.</summary>
    public string Department { get; init; } = "";
    public int Rank { get; init; }
    public int RankedOf { get; init; }
    public required string ContentJson { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    public AssessedParty Party => new(JurisdictionCode, Department.Length == 0 ? null : Department);

    public string PartyName => Party.ToString();

    public ScoreSheet Sheet => ScoreSheetJson.Read(ContentJson);

    public static FrozenSheet Link(string resultsId, string assessor, Audience audience, int year, int position, RankedSheet ranked, int rankedOf,
        string previousHash, DateTimeOffset frozenAt)
    {
        var sheet = ranked.Sheet;
        var content = ScoreSheetJson.Write(sheet);
        var department = sheet.Department ?? "";
        return new FrozenSheet
        {
            ResultsId = resultsId, Position = position, JurisdictionCode = sheet.JurisdictionCode, Department = department, Rank = ranked.Rank,
            RankedOf = rankedOf, ContentJson = content, PreviousHash = previousHash,
            Hash = HashOf(previousHash, assessor, audience, year, frozenAt, position, sheet.JurisdictionCode, department, ranked.Rank, rankedOf, content),
        };
    }

    /// <summary>Whether the stored hash still matches what the sheet holds under the freeze it belongs to.</summary>
    public bool Holds(string assessor, Audience audience, int year, DateTimeOffset frozenAt) =>
        Hash == HashOf(PreviousHash, assessor, audience, year, frozenAt, Position, JurisdictionCode, Department, Rank, RankedOf, ContentJson);

    private static string HashOf(string previousHash, string assessor, Audience audience, int year, DateTimeOffset frozenAt, int position, string code,
        string department, int rank, int rankedOf, string content)
    {
        // Each field is length-prefixed, so no text in one field can pass for another's.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     previousHash, assessor, audience.ToString(), year.ToString(CultureInfo.InvariantCulture),
                     frozenAt.UtcTicks.ToString(CultureInfo.InvariantCulture), position.ToString(CultureInfo.InvariantCulture), code, department,
                     rank.ToString(CultureInfo.InvariantCulture), rankedOf.ToString(CultureInfo.InvariantCulture), content,
                 })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
