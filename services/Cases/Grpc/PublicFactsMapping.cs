using Ducha.Contracts.Cases.V1;
using Google.Protobuf.WellKnownTypes;
using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>Checks and mapping of the calls only the disclosure service makes.</summary>
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
        new RequestValidator().CheckCaseTexts(request, "").ThrowIfInvalid(MatchReporterValuesRequest.Descriptor);
        return request.Texts;
    }

    public static IReadOnlyList<Application.CaseTexts> Validate(this MatchReporterValuesForCasesRequest request)
    {
        const int maxCases = Application.MatchReporterValuesForCases.MaxCases;
        var validator = new RequestValidator()
            .Require(request.Cases.Count > 0, "cases", "is required")
            .Require(request.Cases.Count <= maxCases, "cases", $"must be at most {maxCases}");
        for (var i = 0; i < request.Cases.Count && request.Cases.Count <= maxCases && validator.Fields.Count < MaxFieldsNamed; i++)
            validator.CheckCaseTexts(request.Cases[i], $"cases[{i}].");
        validator.ThrowIfInvalid(MatchReporterValuesForCasesRequest.Descriptor);
        return [.. request.Cases.Select(c => new Application.CaseTexts(c.CaseId.Trim(), c.Texts))];
    }

    /// <summary>
    /// How many fields a refusal of texts names, at most. BoundedStatusInterceptor shortens the message and each violation,
    /// not their number, and the violations travel in a trailer that clients cap at 64 KB by default: 500 faulty cases,
    /// or 50 texts too long under the caller's 100-character Chinese names, named one by one would not fit.
    /// </summary>
    private const int MaxFieldsNamed = 10;

    /// <summary>One case's texts under the limits of both calls, its fields named after <paramref name="prefix"/>.</summary>
    private static RequestValidator CheckCaseTexts(this RequestValidator validator, MatchReporterValuesRequest request, string prefix)
    {
        const int maxFields = Application.ReporterValueMatching.MaxFields, maxName = Application.ReporterValueMatching.MaxFieldNameLength,
            maxText = Application.ReporterValueMatching.MaxTextLength;
        validator.RequireText(request.CaseId, prefix + "case_id", 36)
            .Require(request.Texts.Count > 0, prefix + "texts", "is required")
            .Require(request.Texts.Count <= maxFields, prefix + "texts", $"must have at most {maxFields} fields");
        if (request.Texts.Count > maxFields) return validator;
        validator.Require(request.Texts.Keys.All(field => field.Length is > 0 and <= maxName), prefix + "texts", $"field names must be 1 to {maxName} characters");
        foreach (var field in request.Texts.Where(t => t.Value.Length > maxText && t.Key.Length <= maxName).Select(t => t.Key).Order(StringComparer.Ordinal))
        {
            if (validator.Fields.Count >= MaxFieldsNamed) break;
            validator.Require(false, $"{prefix}texts[{field}]", $"must be at most {maxText} characters");
        }
        return validator;
    }

    public static ReporterValueMatchesForCases ToContract(this Application.ReporterMatchesAnswer answer)
    {
        var reply = new ReporterValueMatchesForCases();
        reply.Cases.AddRange(answer.Cases.Select(c => new CaseReporterValueMatches { CaseId = c.CaseId, MatchedFields = { c.Fields } }));
        reply.UnknownCaseIds.AddRange(answer.Unknown);
        return reply;
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
