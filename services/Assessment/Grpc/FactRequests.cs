using Ducha.Assessment.Application.Facts;
using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using DeductionFact = Ducha.Assessment.Domain.Facts.DeductionFact;

namespace Ducha.Assessment.Grpc;

/// <summary>Validation of the deduction requests, and the deductions as the contract shows them.</summary>
internal static class FactRequests
{
    public const int EarliestYear = 2017, LatestYear = 2100, MaxDepartmentLength = 100;

    public static (string? Department, int PageSize, DeductionPageToken? After) Validate(ListDeductionsRequest request)
    {
        var validator = new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year is >= EarliestYear and <= LatestYear, "year", $"must be between {EarliestYear} and {LatestYear}")
            .OptionalText(request.Department, "department", MaxDepartmentLength)
            .Require(request.PageSize is >= 0 and <= ListDeductions.MaxPageSize, "page_size", $"must be between 1 and {ListDeductions.MaxPageSize}");
        DeductionPageToken? after = null;
        if (!string.IsNullOrEmpty(request.PageToken))
            validator.Require(DeductionPageToken.TryParse(request.PageToken, out var token) && (after = token) is not null, "page_token", "is not a token this list gave");
        validator.ThrowIfInvalid(ListDeductionsRequest.Descriptor);
        var department = string.IsNullOrWhiteSpace(request.Department) ? null : request.Department.Trim();
        return (department, request.PageSize == 0 ? ListDeductions.DefaultPageSize : request.PageSize, after);
    }

    public static DeductionPage ToContract(this DeductionList list)
    {
        var page = new DeductionPage { NextPageToken = list.NextPageToken };
        page.Deductions.AddRange(list.Deductions.Select(d => d.ToContract()));
        return page;
    }

    /// <summary>
    /// A deduction outside a sheet: charged to the party that held the case (what a scheme charges by default), with no
    /// rule and no points — the sheet puts those on. Its id is its key, which a rebuild keeps.
    /// </summary>
    public static Deduction ToContract(this DeductionFact fact)
    {
        var (charged, department) = fact.ChargedTo(Domain.Schemes.ChargedParty.Holder);
        var deduction = new Deduction
        {
            Id = fact.Key, Kind = (DeductionKind)fact.Kind, CaseId = fact.CaseId ?? "", ExposureId = fact.ExposureId ?? "",
            ChargedJurisdictionCode = charged, ChargedDepartment = department ?? "", OccurredAt = Timestamp.FromDateTimeOffset(fact.OccurredAt),
            Exempted = fact.Exempted, ExemptionReason = fact.ExemptionReason ?? "", Cause = fact.Cause,
        };
        deduction.Events.AddRange(fact.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new DeductionEvent { EventId = e.EventId, Type = e.Type, At = Timestamp.FromDateTimeOffset(e.At) }));
        return deduction;
    }

    public static Contracts.Assessment.V1.ScoresRebuild ToContract(this Application.Facts.ScoresRebuild rebuild)
    {
        var reply = new Contracts.Assessment.V1.ScoresRebuild
        {
            EventsReplayed = rebuild.EventsReplayed, RowsLive = rebuild.RowsLive, RowsRebuilt = rebuild.RowsRebuilt, Committed = rebuild.Committed,
        };
        reply.Differences.AddRange(rebuild.Differences);
        return reply;
    }
}
