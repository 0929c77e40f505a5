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
            .Require(request.Specialities.Count <= 20, "specialities", "must list at most 20 specialities")
            .Require(request.Specialities.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 20), "specialities", "must each be 1 to 20 characters")
            .RequireText(request.Subject, "subject", 200)
            .ThrowIfInvalid(CreateCadreRequest.Descriptor);

    public static Cadre ToContract(this Domain.Cadre c, Domain.SecondmentTerm? current = null, DateOnly today = default) => new()
    {
        Id = c.Id,
        JurisdictionCode = c.JurisdictionCode,
        Name = c.Name,
        HomeUnit = c.HomeUnit,
        Rank = (CadreRank)c.Rank,
        CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
        Specialities = { c.Specialities },
        Subject = c.Subject,
        Current = current?.ToContract(today),
    };
}
