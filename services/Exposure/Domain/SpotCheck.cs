using Ducha.BuildingBlocks.Sampling;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>What the province office found when it checked one sampled problem on the ground.</summary>
public sealed class SpotCheckFinding
{
    public required string SpotCheckId { get; init; }
    public required string ExposureId { get; init; }
    /// <summary>Whether the rectification the city reported holds up.</summary>
    public bool RectificationHeld { get; init; }
    /// <summary>Whether the accountability the city reported holds up.</summary>
    public bool AccountabilityHeld { get; init; }
    public required string Finding { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>
/// 抽查: the province office's random sample of one city's problems exposed in a period, to check that their
/// rectification and accountability hold up (000 §五). The draw is <see cref="ReproducibleDraw"/>: the seed, the
/// procedure, every candidate and the count are kept with the sample, so anyone can draw it again and get the same
/// problems. One draw per city and period: a second would let an office draw until a sample suits it.
/// </summary>
public sealed class SpotCheck : JurisdictionRecord
{
    public required string CityCode { get; init; }
    public ReportingPeriod Period { get; init; }
    public required string Procedure { get; init; }
    public required string Seed { get; init; }
    public List<string> CandidateIds { get; init; } = [];
    public int Count { get; init; }
    /// <summary>The sampled exposure ids, in draw order.</summary>
    public List<string> SampleIds { get; init; } = [];
    public DateTimeOffset DrawnAt { get; init; }
    public required string DrawnBy { get; init; }
    public List<SpotCheckFinding> Findings { get; init; } = [];

    /// <summary>
    /// Draws <paramref name="count"/> of <paramref name="candidates"/> (the city's problems aired in the period) with
    /// <paramref name="seed"/>. Only the office of the level above the city does, once the period is over.
    /// </summary>
    public static SpotCheck Draw(Jurisdiction city, ReportingPeriod period, IReadOnlyCollection<string> candidates, int count, string seed, Actor actor,
        string? idempotencyKey, DateTimeOffset now)
    {
        EnsureOfficeAbove(city, actor, "DrawSpotCheck");
        if (!period.HasEndedBy(BeijingTime.DateOf(now)))
            throw new DomainRuleException($"The period {period} has not ended yet; its problems are sampled once the month is over.", "period");
        if (candidates.Count == 0)
            throw new DomainRuleException($"No problem about {city.Code} aired in {period}: there is nothing to sample.", "period");
        if (count > candidates.Count)
            throw new DomainRuleException($"Only {candidates.Count} problems about {city.Code} aired in {period}; a sample of {count} is more than there are.", "count");
        return new SpotCheck
        {
            JurisdictionCode = actor.JurisdictionCode,
            CityCode = city.Code,
            Period = period,
            Procedure = ReproducibleDraw.Procedure,
            Seed = seed,
            CandidateIds = [.. candidates.Order(StringComparer.Ordinal)],
            Count = count,
            SampleIds = [.. ReproducibleDraw.Draw(seed, candidates, count)],
            DrawnAt = now,
            DrawnBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>
    /// Records the check of one sampled problem; only the office that drew the sample does, once per problem — a
    /// finding stands as recorded.
    /// </summary>
    public SpotCheckFinding RecordFinding(string exposureId, bool rectificationHeld, bool accountabilityHeld, string finding, Actor actor, DateTimeOffset now)
    {
        actor.Require("RecordSpotCheckFinding", Role.Office);
        if (actor.JurisdictionCode != JurisdictionCode)
            throw new PermissionDeniedException($"RecordSpotCheckFinding: only the office of {JurisdictionCode}, which drew the sample, records its findings.");
        if (!SampleIds.Contains(exposureId, StringComparer.Ordinal))
            throw new DomainRuleException($"Problem {exposureId} is not in this spot check's sample.", "exposure_id");
        if (Findings.Any(f => f.ExposureId == exposureId))
            throw new DomainRuleException($"The finding on problem {exposureId} is already recorded.", "exposure_id");
        var recorded = new SpotCheckFinding
        {
            SpotCheckId = Id, ExposureId = exposureId, RectificationHeld = rectificationHeld, AccountabilityHeld = accountabilityHeld,
            Finding = finding.Trim(), RecordedAt = now, RecordedBy = actor.Subject,
        };
        Findings.Add(recorded);
        return recorded;
    }

    private static void EnsureOfficeAbove(Jurisdiction city, Actor actor, string operation)
    {
        actor.Require(operation, Role.Office);
        if (actor.JurisdictionCode != city.ParentCode)
            throw new PermissionDeniedException($"{operation}: only the office of {city.ParentCode}, the level above {city.Code}, spot-checks it, not {actor.JurisdictionCode}.");
    }
}
