using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.Secondments;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

/// <summary>Request checks and contract mapping for secondments, evaluations and the 单列 list.</summary>
internal static class SecondmentRequests
{
    public static (DateOnly Start, DateOnly End) Validate(SecondRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.CadreId, "cadre_id", 36)
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireDefined(request.Post, "post")
            .RequireText(request.PostName, "post_name", 100)
            .Require(!string.IsNullOrEmpty(request.StartDate), "start_date", "is required")
            .OptionalDate(request.StartDate, "start_date", out var start)
            .Require(!string.IsNullOrEmpty(request.EndDate), "end_date", "is required")
            .OptionalDate(request.EndDate, "end_date", out var end)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100);
        validator.ThrowIfInvalid(SecondRequest.Descriptor);
        return (start!.Value, end!.Value);
    }

    public static void Validate(EndSecondmentRequest request) =>
        new RequestValidator().RequireText(request.Id, "id", 36).RequireText(request.Reason, "reason", 500).ThrowIfInvalid(EndSecondmentRequest.Descriptor);

    public static void Validate(PlanRotationRequest request) =>
        new RequestValidator().RequireText(request.Id, "id", 36).RequireText(request.SuccessorCadreId, "successor_cadre_id", 36)
            .ThrowIfInvalid(PlanRotationRequest.Descriptor);

    public static void Validate(RecordEvaluationRequest request) =>
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .Require(request.Year is >= 1900 and <= 2199, "year", "must be a year between 1900 and 2199")
            .RequireDefined(request.Evaluator, "evaluator")
            .RequireDefined(request.Grade, "grade")
            .RequireText(request.Remarks, "remarks", 2000)
            .ThrowIfInvalid(RecordEvaluationRequest.Descriptor);

    public static void Validate(ListAnnualAssessmentsRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year is >= 1900 and <= 2199, "year", "must be a year between 1900 and 2199")
            .ThrowIfInvalid(ListAnnualAssessmentsRequest.Descriptor);

    public static void Validate(ListCadresRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.PageSize is >= 0 and <= ReadSecondments.MaxPageSize, "page_size", $"must be between 1 and {ReadSecondments.MaxPageSize}")
            .OptionalText(request.PageToken, "page_token", 500)
            .ThrowIfInvalid(ListCadresRequest.Descriptor);

    public static SecondmentTerm ToContract(this Domain.SecondmentTerm t, DateOnly today) => new()
    {
        Id = t.Id,
        CadreId = t.CadreId,
        CadreName = t.CadreName,
        HomeUnit = t.HomeUnit,
        HomeJurisdictionCode = t.HomeJurisdictionCode,
        JurisdictionCode = t.JurisdictionCode,
        Post = (PostKind)t.Post,
        PostName = t.PostName,
        StartDate = t.StartDate.ToWire(),
        EndDate = t.EndDate.ToWire(),
        State = (SecondmentState)t.StateOn(today),
        RotationDueDate = t.RotationDueDate.ToWire(),
        SuccessorCadreId = t.SuccessorCadreId ?? "",
        EndedReason = t.EndedReason ?? "",
        EndedDate = t.EndedDate.ToWire(),
    };

    public static Evaluation ToContract(this Domain.CadreEvaluation e) => new()
    {
        SecondmentId = e.SecondmentId,
        Year = e.Year,
        Evaluator = (Evaluator)e.Evaluator,
        Grade = (Grade)e.Grade,
        Remarks = e.Remarks,
        RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
    };

    public static AnnualAssessment ToContract(this Domain.AnnualAssessment a) => new()
    {
        CadreId = a.Term.CadreId,
        CadreName = a.Term.CadreName,
        HomeUnit = a.Term.HomeUnit,
        SecondmentId = a.Term.Id,
        OfficeGrade = (Grade)(int)(a.OfficeGrade ?? 0),
        HomeUnitGrade = (Grade)(int)(a.HomeUnitGrade ?? 0),
        Overall = (Grade)(int)(a.Overall ?? 0),
        Recommendation = (Recommendation)a.Recommendation,
        Record = { a.Record.Select(e => e.ToContract()) },
    };
}
