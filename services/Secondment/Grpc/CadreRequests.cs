using Ducha.Contracts.Secondment.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

/// <summary>Request checks and contract mapping for the secondment API.</summary>
internal static class CadreRequests
{
    public static void Validate(CreateCadreRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Name, "name", 50)
            .RequireText(request.HomeUnit, "home_unit", 200)
            .RequireDefined(request.Rank, "rank")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();

    public static Cadre ToContract(this Domain.Cadre c) => new()
    {
        Id = c.Id,
        JurisdictionCode = c.JurisdictionCode,
        Name = c.Name,
        HomeUnit = c.HomeUnit,
        Rank = (CadreRank)c.Rank,
        CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
    };
}
