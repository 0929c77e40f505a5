using Ducha.Contracts.Cases.V1;
using Ducha.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>Request checks and contract mapping for the cases API.</summary>
internal static class CaseRequests
{
    public static void Validate(CreateCaseRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Address, "address", 500)
            .RequireText(request.Description, "description", 4000)
            .OptionalText(request.Polluter, "polluter", 200)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .RequireDefined(request.Channel, "channel")
            .RequireDefined(request.PollutionType, "pollution_type");
        if (request.Coordinates is { } at)
        {
            validator
                .Require(at.Latitude is >= -90 and <= 90, "coordinates.latitude", "must be between -90 and 90")
                .Require(at.Longitude is >= -180 and <= 180, "coordinates.longitude", "must be between -180 and 180");
        }
        if (request.Reporter is { } reporter)
        {
            validator
                .RequireText(reporter.Name, "reporter.name", 50)
                .RequireText(reporter.Phone, "reporter.phone", 30)
                .OptionalText(reporter.Address, "reporter.address", 200);
        }
        validator.ThrowIfInvalid();
    }

    public static Case ToContract(this Domain.Case c) => new()
    {
        Id = c.Id,
        JurisdictionCode = c.JurisdictionCode,
        Address = c.Address,
        Coordinates = c.Latitude is { } lat && c.Longitude is { } lon ? new Coordinates { Latitude = lat, Longitude = lon } : null,
        Polluter = c.Polluter ?? string.Empty,
        PollutionType = (PollutionType)c.PollutionType,
        Description = c.Description,
        Channel = (Channel)c.Channel,
        CentralInspection = c.CentralInspection,
        Status = (CaseStatus)c.Status,
        ReceivedAt = Timestamp.FromDateTimeOffset(c.ReceivedAt),
        HolderJurisdictionCode = c.HolderJurisdictionCode,
        Deadline = c.Deadline?.ToString("yyyy-MM-dd") ?? string.Empty,
        DeliveredAt = c.DeliveredAt is { } delivered ? Timestamp.FromDateTimeOffset(delivered) : null,
        BuckPassingFlagged = c.BuckPassingFlagged,
    };
}
