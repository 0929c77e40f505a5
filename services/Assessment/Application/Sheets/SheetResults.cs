using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>A party's sheet with its place in the ranking: computed now (live), or as frozen with its hash and the one before it.</summary>
public sealed record PartySheet(ScoreSheet Sheet, int Rank, int RankedOf, DateTimeOffset ComputedAt, bool Frozen, string? Hash = null, string? PreviousHash = null);

/// <summary>Every party a level assesses for a year and audience, in the scheme's order; frozen ones with the freeze's time and chain head.</summary>
public sealed record LevelResults(string AssessorJurisdictionCode, int Year, Audience Audience, string SchemeId, RankingOrder Order,
    IReadOnlyList<PartySheet> Parties, bool Frozen, DateTimeOffset? FrozenAt = null, string? ChainHead = null);
