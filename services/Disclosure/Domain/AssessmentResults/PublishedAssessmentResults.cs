using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ducha.Disclosure.Domain.AssessmentResults;

/// <summary>
/// A level's frozen assessment results of a year for one audience (its subordinate jurisdictions, or its departments),
/// as the assessment service sent them: published as received, never edited — the results are frozen once, and the
/// chain head lets anyone holding the frozen sheets check them.
/// </summary>
public sealed class PublishedAssessmentResults
{
    public const string Subordinates = "Subordinates", Departments = "Departments";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Id { get; init; } = Ducha.BuildingBlocks.OrderedIds.NewId();
    public required string AssessorJurisdictionCode { get; init; }
    public int Year { get; init; }
    /// <summary><see cref="Subordinates"/> or <see cref="Departments"/>.</summary>
    public required string Audience { get; init; }
    public required string SchemeId { get; init; }
    public DateTimeOffset FrozenAt { get; init; }
    public required string ChainHead { get; init; }
    public required string PartiesJson { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    public IReadOnlyList<PublishedParty> Parties => JsonSerializer.Deserialize<List<PublishedParty>>(PartiesJson, Json) ?? [];

    public static PublishedAssessmentResults Publish(string assessor, int year, string audience, string schemeId, DateTimeOffset frozenAt, string chainHead,
        IReadOnlyList<PublishedParty> parties, DateTimeOffset now) => new()
    {
        AssessorJurisdictionCode = assessor, Year = year, Audience = audience, SchemeId = schemeId, FrozenAt = frozenAt, ChainHead = chainHead,
        PartiesJson = JsonSerializer.Serialize(parties.OrderBy(p => p.Rank).ToList(), Json), PublishedAt = now,
    };
}

/// <summary>
/// One party's published result. <see cref="Rating"/> is Excellent, Good, Pass or Fail; <see cref="Vetoed"/> marks
/// 一票否优; <see cref="Hash"/> is its frozen sheet's.
/// </summary>
public sealed record PublishedParty(string JurisdictionCode, string? Department, int Rank, double Total, string Rating, bool Vetoed, string Hash,
    double SpecialPoints, double DeductionPoints)
{
    public string RatingInChinese => Rating switch
    {
        "Excellent" => "优秀",
        "Good" => "良好",
        "Pass" => "合格",
        "Fail" => "不合格",
        _ => Rating,
    };
}
