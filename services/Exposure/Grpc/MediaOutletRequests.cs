using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Request checks and contract mapping for the exposure API.</summary>
internal static class MediaOutletRequests
{
    public static void Validate(CreateMediaOutletRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Name, "name", 200)
            .RequireDefined(request.Kind, "kind")
            .OptionalText(request.ColumnName, "column_name", 100)
            .Require(request.WeeklyQuota is >= 0 and <= 50, "weekly_quota", "must be between 0 and 50")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();

    public static MediaOutlet ToContract(this Domain.MediaOutlet o) => new()
    {
        Id = o.Id,
        JurisdictionCode = o.JurisdictionCode,
        Name = o.Name,
        Kind = (MediaKind)o.Kind,
        ColumnName = o.ColumnName ?? string.Empty,
        WeeklyQuota = o.WeeklyQuota,
        CreatedAt = Timestamp.FromDateTimeOffset(o.CreatedAt),
    };
}
