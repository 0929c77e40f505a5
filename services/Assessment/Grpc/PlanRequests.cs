using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Assessment.Domain;

namespace Ducha.Assessment.Grpc;

/// <summary>Request checks and contract mapping for the assessment API.</summary>
internal static class PlanRequests
{
    public static void Validate(CreatePlanRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year is >= 2017 and <= 2100, "year", "must be between 2017 and 2100")
            .RequireText(request.Title, "title", 200)
            .RequireDefined(request.Kind, "kind")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100);
        // A special assessment exists for one programme, so it means nothing without it.
        if (request.Kind == PlanKind.Special)
            validator.RequireText(request.Programme, "programme", 200);
        else
            validator.OptionalText(request.Programme, "programme", 200);
        validator.ThrowIfInvalid();
    }

    public static AssessmentPlan ToContract(this Domain.AssessmentPlan p) => new()
    {
        Id = p.Id,
        JurisdictionCode = p.JurisdictionCode,
        Year = p.Year,
        Title = p.Title,
        Kind = (PlanKind)p.Kind,
        Programme = p.Programme ?? string.Empty,
        CreatedAt = Timestamp.FromDateTimeOffset(p.CreatedAt),
    };
}
