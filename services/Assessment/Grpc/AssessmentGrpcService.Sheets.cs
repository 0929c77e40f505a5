using Ducha.Assessment.Application.DutyReports;
using Ducha.Assessment.Application.Sheets;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;

namespace Ducha.Assessment.Grpc;

/// <summary>Duty reports, score sheets, rankings and frozen results: requests checked in SheetRequests, rules in Application/ and Domain/Sheets.</summary>
public sealed partial class AssessmentGrpcService
{
    public override async Task<DutyReport> FileDutyReport(FileDutyReportRequest request, ServerCallContext context)
    {
        var party = SheetRequests.Validate(request);
        var report = await Use<Application.DutyReports.FileDutyReport>().HandleAsync(party, request.Year, request.Summary,
            string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return report.ToContract();
    }

    public override async Task<DutyReportList> ListDutyReports(ListDutyReportsRequest request, ServerCallContext context)
    {
        var audience = SheetRequests.Validate(request);
        return (await Use<Application.DutyReports.ListDutyReports>().HandleAsync(request.JurisdictionCode, request.Year, audience, guard.Caller,
            context.CancellationToken)).ToContract();
    }

    public override async Task<ScoreSheet> GetScoreSheet(GetScoreSheetRequest request, ServerCallContext context)
    {
        var party = SheetRequests.Validate(request);
        return (await Use<Application.Sheets.GetScoreSheet>().HandleAsync(party, request.Year, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<Ranking> ListRankings(ListRankingsRequest request, ServerCallContext context)
    {
        var audience = SheetRequests.Validate(request);
        return (await Use<Application.Sheets.ListRankings>().HandleAsync(request.JurisdictionCode, audience, request.Year, guard.Caller,
            context.CancellationToken)).ToContract();
    }

    public override async Task<Ranking> FreezeResults(FreezeResultsRequest request, ServerCallContext context)
    {
        var audience = SheetRequests.Validate(request);
        return (await Use<Application.Sheets.FreezeResults>().HandleAsync(request.JurisdictionCode, audience, request.Year, guard.Caller,
            context.CancellationToken)).ToContract();
    }

    public override async Task<ResultsVerification> VerifyResults(VerifyResultsRequest request, ServerCallContext context)
    {
        var audience = SheetRequests.Validate(request);
        return (await Use<Application.Sheets.VerifyResults>().HandleAsync(request.JurisdictionCode, audience, request.Year, guard.Caller,
            context.CancellationToken)).ToContract();
    }
}
