using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of spot checks (抽查) and their findings.</summary>
internal static class SpotCheckRequests
{
    /// <summary>More than a month's exposures of one city, and a bound on what one draw shuffles.</summary>
    public const int MaxCount = 500;

    public static Domain.ReportingPeriod Validate(DrawSpotCheckRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.CityCode, "city_code")
            .RequirePeriod(request.Period, "period", out var period)
            .Require(request.Count is >= 1 and <= MaxCount, "count", $"must be between 1 and {MaxCount}")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(DrawSpotCheckRequest.Descriptor);
        return period;
    }

    public static void Validate(RecordSpotCheckFindingRequest request) =>
        new RequestValidator()
            .RequireText(request.SpotCheckId, "spot_check_id", 36)
            .RequireText(request.ExposureId, "exposure_id", 36)
            .RequireText(request.Finding, "finding", 4000)
            .ThrowIfInvalid(RecordSpotCheckFindingRequest.Descriptor);

    public static SpotCheck ToContract(this Domain.SpotCheck s)
    {
        var check = new SpotCheck
        {
            Id = s.Id,
            JurisdictionCode = s.JurisdictionCode,
            CityCode = s.CityCode,
            Period = s.Period.ToString(),
            Procedure = s.Procedure,
            Seed = s.Seed,
            Count = s.Count,
            DrawnAt = Timestamp.FromDateTimeOffset(s.DrawnAt),
        };
        check.CandidateIds.AddRange(s.CandidateIds);
        check.SampleIds.AddRange(s.SampleIds);
        check.Findings.AddRange(s.Findings.OrderBy(f => f.RecordedAt).ThenBy(f => f.ExposureId, StringComparer.Ordinal).Select(f => new SpotCheckFinding
        {
            ExposureId = f.ExposureId, RectificationHeld = f.RectificationHeld, AccountabilityHeld = f.AccountabilityHeld, Finding = f.Finding,
            RecordedAt = Timestamp.FromDateTimeOffset(f.RecordedAt),
        }));
        return check;
    }
}
