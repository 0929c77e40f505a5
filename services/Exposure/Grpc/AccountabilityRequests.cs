using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of accountability reports and of the notice.</summary>
internal static class AccountabilityRequests
{
    public static Domain.ReportingPeriod Validate(SubmitAccountabilityReportRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.CityCode, "city_code")
            .RequirePeriod(request.Period, "period", out var period)
            .OptionalText(request.Remarks, "remarks", 4000)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(SubmitAccountabilityReportRequest.Descriptor);
        return period;
    }

    public static Domain.ReportingPeriod Validate(DraftAccountabilityReportRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.CityCode, "city_code")
            .RequirePeriod(request.Period, "period", out var period)
            .ThrowIfInvalid(DraftAccountabilityReportRequest.Descriptor);
        return period;
    }

    public static (Domain.ReportingPeriod Period, int? Version) Validate(GetAccountabilityReportRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.CityCode, "city_code")
            .RequirePeriod(request.Period, "period", out var period)
            .Require(request.Version >= 0, "version", "must be a version number, or 0 for the latest")
            .ThrowIfInvalid(GetAccountabilityReportRequest.Descriptor);
        return (period, request.Version == 0 ? null : request.Version);
    }

    public static Domain.ReportingPeriod Validate(GetAccountabilityNoticeRequest request)
    {
        new RequestValidator().RequirePeriod(request.Period, "period", out var period).ThrowIfInvalid(GetAccountabilityNoticeRequest.Descriptor);
        return period;
    }

    public static AccountabilityReport ToContract(this Domain.AccountabilityReport r)
    {
        var report = new AccountabilityReport
        {
            Id = r.IsDraft ? string.Empty : r.Id,
            CityCode = r.JurisdictionCode,
            Period = r.Period.ToString(),
            Version = r.Version,
            Remarks = r.Remarks ?? string.Empty,
            SubmittedAt = r.IsDraft ? null : Timestamp.FromDateTimeOffset(r.SubmittedAt),
            DueDate = r.Period.DueDate.ToWire(),
            Late = r.Late,
        };
        report.Problems.AddRange(r.Problems.Select(p =>
        {
            var problem = new ProblemAccountability
            {
                ExposureId = p.ExposureId, CaseId = p.CaseId ?? string.Empty, PlaceJurisdictionCode = p.PlaceJurisdictionCode, AiredOn = p.AiredOn.ToWire(),
            };
            problem.People.AddRange(p.People.Select(ToContract));
            return problem;
        }));
        report.Totals.AddRange(r.Totals.Select(ToContract));
        return report;
    }

    public static AccountabilityNotice ToContract(this Domain.ReportingPeriod period, string provinceCode, string text) =>
        new() { JurisdictionCode = provinceCode, Period = period.ToString(), Text = text };

    private static AccountabilityTally ToContract(Domain.AccountabilityTally t) =>
        new() { Rank = (CadreRank)t.Rank, Sanction = (Sanction)t.Sanction, FaultTolerated = t.FaultTolerated, Count = t.Count };
}
