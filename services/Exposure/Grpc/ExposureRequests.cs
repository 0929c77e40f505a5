using PollutionType = Ducha.Contracts.Exposure.V1.PollutionType;
using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of proposed problems (选题).</summary>
internal static class ExposureRequests
{
    public const int MaxMaterials = 50;

    public static Domain.ProblemReport Validate(ProposeExposureRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.ColumnId, "column_id", 36)
            .RequireJurisdictionCode(request.PlaceJurisdictionCode, "place_jurisdiction_code")
            .RequireText(request.Address, "address", 300)
            .RequireText(request.Polluter, "polluter", 200)
            .RequireDefined(request.PollutionType, "pollution_type")
            .RequireText(request.Description, "description", 4000)
            .Require(request.Reasons.Count > 0, "reasons", "at least one reason is required")
            .Require(request.Reasons.All(r => r != SelectionReason.Unspecified && System.Enum.IsDefined(r)), "reasons", "each must be a SELECTION_REASON value")
            .Require(request.Materials.Count <= MaxMaterials, "materials", $"at most {MaxMaterials} items")
            .OptionalText(request.ExistingCaseId, "existing_case_id", 36)
            .OptionalText(request.ResponsibleUnit, "responsible_unit", 100)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100);
        for (var i = 0; i < request.Materials.Count; i++)
        {
            var m = request.Materials[i];
            validator.RequireText(m.Name, $"materials[{i}].name", 200)
                .RequireText(m.MediaType, $"materials[{i}].media_type", 100)
                .Require(m.SizeBytes >= 0, $"materials[{i}].size_bytes", "must not be negative")
                .Require(string.IsNullOrEmpty(m.Url) || Uri.TryCreate(m.Url, UriKind.Absolute, out _), $"materials[{i}].url", "must be an absolute URL")
                .OptionalText(m.Url, $"materials[{i}].url", 2000);
        }
        validator.ThrowIfInvalid(ProposeExposureRequest.Descriptor);
        var reasons = request.Reasons.Aggregate(Domain.SelectionReasons.None, (set, r) => set | (Domain.SelectionReasons)(1 << (int)r));
        return new Domain.ProblemReport(request.PlaceJurisdictionCode, request.Address, request.Polluter, (Ducha.BuildingBlocks.PollutionType)request.PollutionType,
            request.Description, reasons,
            [.. request.Materials.Select(m => new Domain.Material { Name = m.Name.Trim(), MediaType = m.MediaType.Trim(), SizeBytes = m.SizeBytes,
                Url = string.IsNullOrWhiteSpace(m.Url) ? null : m.Url })],
            request.ExistingCaseId, request.ResponsibleUnit);
    }

    /// <param name="today">The Beijing date the follow-up's state is judged on.</param>
    public static ExposureProblem ToContract(this Domain.ExposureProblem p, DateOnly today)
    {
        var problem = new ExposureProblem
        {
            Id = p.Id,
            ColumnId = p.ColumnId,
            JurisdictionCode = p.JurisdictionCode,
            PlaceJurisdictionCode = p.PlaceJurisdictionCode,
            Address = p.Address,
            Polluter = p.Polluter,
            PollutionType = (PollutionType)p.PollutionType,
            Description = p.Description,
            CaseId = p.CaseId ?? string.Empty,
            ResponsibleUnit = p.ResponsibleUnit ?? string.Empty,
            ProposedAt = Timestamp.FromDateTimeOffset(p.ProposedAt),
            AiredAt = p.AiredAt is { } aired ? Timestamp.FromDateTimeOffset(aired) : null,
            ExistingCaseId = p.ExistingCaseId ?? string.Empty,
            FollowUpJurisdictionCode = p.FollowUpJurisdictionCode ?? string.Empty,
            FollowUpDeadline = p.FollowUpDeadline.ToWire(),
        };
        problem.Reasons.AddRange(Enumerable.Range(1, 5).Where(n => ((int)p.Reasons & (1 << n)) != 0).Select(n => (SelectionReason)n));
        problem.Materials.AddRange(p.Materials.Select(m => new Material { Name = m.Name, MediaType = m.MediaType, SizeBytes = m.SizeBytes, Url = m.Url ?? string.Empty }));
        problem.AddFollowUp(p, today);
        return problem;
    }
}
