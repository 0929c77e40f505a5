using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of programmes and of compliance queries.</summary>
internal static class ProgrammeRequests
{
    public const int MaxProblems = 20;

    public static DateOnly Validate(ScheduleProgrammeRequest request)
    {
        new RequestValidator()
            .RequireText(request.ColumnId, "column_id", 36)
            .Require(!string.IsNullOrEmpty(request.AirDate), "air_date", "is required")
            .OptionalDate(request.AirDate, "air_date", out var airDate)
            .Require(request.ExposureIds.Count is > 0 and <= MaxProblems, "exposure_ids", $"between 1 and {MaxProblems} problems")
            .Require(request.ExposureIds.All(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 36), "exposure_ids", "each must be an exposure id")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(ScheduleProgrammeRequest.Descriptor);
        return airDate!.Value;
    }

    public static DateTimeOffset Validate(RecordAiringRequest request)
    {
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .RequireInstant(request.AiredAt, "aired_at", out var airedAt)
            // An instant outside the calendar's reach is no airing anyone recorded.
            .Require(airedAt is null || request.AiredAt!.Seconds is > 946_684_800 and < 4_102_444_800, "aired_at", "must lie between 2000 and 2100")
            .ThrowIfInvalid(RecordAiringRequest.Descriptor);
        return airedAt!.Value;
    }

    public static (DateOnly From, DateOnly To) Validate(GetColumnComplianceRequest request)
    {
        new RequestValidator()
            .RequireText(request.ColumnId, "column_id", 36)
            .Require(!string.IsNullOrEmpty(request.From), "from", "is required")
            .OptionalDate(request.From, "from", out var from)
            .Require(!string.IsNullOrEmpty(request.To), "to", "is required")
            .OptionalDate(request.To, "to", out var to)
            .ThrowIfInvalid(GetColumnComplianceRequest.Descriptor);
        return (from!.Value, to!.Value);
    }

    public static Programme ToContract(this Domain.Programme p)
    {
        var programme = new Programme
        {
            Id = p.Id,
            ColumnId = p.ColumnId,
            JurisdictionCode = p.JurisdictionCode,
            AirDate = p.AirDate.ToWire(),
            ScheduledAt = Timestamp.FromDateTimeOffset(p.ScheduledAt),
            AiredAt = p.AiredAt is { } aired ? Timestamp.FromDateTimeOffset(aired) : null,
            AiredBy = p.AiredBy ?? string.Empty,
        };
        programme.ExposureIds.AddRange(p.ExposureIds);
        return programme;
    }
}
