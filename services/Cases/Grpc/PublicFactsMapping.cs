using Ducha.Contracts.Cases.V1;
using Google.Protobuf.WellKnownTypes;
using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>Checks and mapping of the two calls only the disclosure service makes.</summary>
internal static class PublicFactsMapping
{
    public static IReadOnlyList<string> Validate(this GetPublicCaseFactsRequest request)
    {
        var validator = new RequestValidator()
            .Require(request.CaseIds.Count > 0, "case_ids", "is required")
            .Require(request.CaseIds.Count <= Application.GetPublicCaseFacts.MaxCases, "case_ids", $"must be at most {Application.GetPublicCaseFacts.MaxCases}");
        for (var i = 0; i < request.CaseIds.Count; i++) validator.RequireText(request.CaseIds[i], $"case_ids[{i}]", 36);
        validator.ThrowIfInvalid(GetPublicCaseFactsRequest.Descriptor);
        return [.. request.CaseIds.Select(id => id.Trim())];
    }

    public static IReadOnlyDictionary<string, string> Validate(this MatchReporterValuesRequest request)
    {
        const int maxFields = Application.MatchReporterValues.MaxFields, maxName = Application.MatchReporterValues.MaxFieldNameLength,
            maxText = Application.MatchReporterValues.MaxTextLength;
        var validator = new RequestValidator()
            .RequireText(request.CaseId, "case_id", 36)
            .Require(request.Texts.Count > 0, "texts", "is required")
            .Require(request.Texts.Count <= maxFields, "texts", $"must have at most {maxFields} fields");
        foreach (var (field, text) in request.Texts.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            validator.Require(field.Length is > 0 and <= maxName, "texts", $"field names must be 1 to {maxName} characters");
            validator.Require(text.Length <= maxText, $"texts[{field}]", $"must be at most {maxText} characters");
        }
        validator.ThrowIfInvalid(MatchReporterValuesRequest.Descriptor);
        return request.Texts;
    }

    public static PublicCaseFactsList ToContract(this Application.PublicCaseFactsAnswer answer)
    {
        var reply = new PublicCaseFactsList();
        reply.Cases.AddRange(answer.Cases.Select(ToContract));
        reply.UnknownCaseIds.AddRange(answer.Unknown);
        return reply;
    }

    private static PublicCaseFacts ToContract(Domain.PublicCaseFacts facts)
    {
        var c = facts.Case;
        var contract = new PublicCaseFacts
        {
            CaseId = c.Id,
            JurisdictionCode = c.JurisdictionCode,
            Address = c.Address,
            Polluter = c.Polluter ?? string.Empty,
            Description = c.Description,
            PollutionType = (PollutionType)c.PollutionType,
            Channel = (Channel)c.Channel,
            Status = (CaseStatus)c.Status,
            ReceivedAt = Timestamp.FromDateTimeOffset(c.ReceivedAt),
            ClosedAt = c.ClosedAt.ToWire(),
            OriginJurisdictionCode = c.OriginJurisdictionCode,
            Round = c.Round,
            Findings = facts.AcceptedReport?.Findings ?? string.Empty,
            Result = facts.AcceptedReport?.Result ?? string.Empty,
            Rectification = (Rectification)facts.Rectification,
            RectificationDeadline = facts.Rectification == Domain.Rectification.Planned ? facts.AcceptedReport?.PlanDeadline.ToWire() ?? "" : "",
            ExposureId = facts.ExposureId ?? string.Empty,
        };
        contract.Accountability.AddRange(facts.Accountability.Select(a => new AccountabilityCount
        {
            Rank = (CadreRank)a.Rank, Sanction = (Sanction)a.Sanction, Held = a.Held, Exempted = a.Exempted,
        }));
        return contract;
    }
}
