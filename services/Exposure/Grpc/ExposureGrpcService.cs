using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using Grpc.Core;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>The use cases behind ducha.exposure.v1: requests checked and mapped here, rules in Domain/ and Application/.</summary>
public sealed partial class ExposureGrpcService(JurisdictionGuard guard, JurisdictionRecords<ExposureDbContext> records, TimeProvider time, IServiceProvider services)
    : Contracts.Exposure.V1.Exposure.ExposureBase
{
    // Each call resolves only the use case it runs, rather than every use case of the service on each request.
    private T Use<T>() where T : notnull => services.GetRequiredService<T>();

    private DateOnly Today => Reference.Calendar.BeijingTime.DateOf(time.GetUtcNow());

    public override async Task<MediaOutlet> CreateMediaOutlet(CreateMediaOutletRequest request, ServerCallContext context)
    {
        MediaOutletRequests.Validate(request);
        var outlet = await Use<RegisterMediaOutlet>().HandleAsync(request.JurisdictionCode, request.Name, (Domain.MediaKind)request.Kind, request.ColumnName,
            request.WeeklyQuota, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return outlet.ToContract();
    }

    public override async Task<MediaOutlet> GetMediaOutlet(GetMediaOutletRequest request, ServerCallContext context) =>
        (await records.FindAsync<Domain.MediaOutlet>(RecordIds.Require(request.Id), guard.Caller, "GetMediaOutlet", context.CancellationToken)).ToContract();

    public override async Task<Column> CreateColumn(CreateColumnRequest request, ServerCallContext context)
    {
        var choice = ColumnRequests.Validate(request);
        var column = await Use<CreateColumn>().HandleAsync(request.MediaOutletId, request.Name, choice, request.IdempotencyKey, guard.Caller,
            context.CancellationToken);
        return column.ToContract();
    }

    public override async Task<Column> GetColumn(GetColumnRequest request, ServerCallContext context) =>
        (await records.FindAsync<Domain.Column>(RecordIds.Require(request.Id), guard.Caller, "GetColumn", context.CancellationToken)).ToContract();

    public override async Task<ExposureProblem> ProposeExposure(ProposeExposureRequest request, ServerCallContext context)
    {
        var report = ExposureRequests.Validate(request);
        var problem = await Use<ProposeExposure>().HandleAsync(request.ColumnId, report, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return problem.ToContract(Today);
    }

    public override async Task<ExposureProblem> GetExposure(GetExposureRequest request, ServerCallContext context)
    {
        var (problem, refusal) = await Use<GetExposure>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken);
        var reply = problem.ToContract(Today);
        reply.CaseRefusal = refusal ?? string.Empty;
        return reply;
    }

    public override async Task<Programme> ScheduleProgramme(ScheduleProgrammeRequest request, ServerCallContext context)
    {
        var airDate = ProgrammeRequests.Validate(request);
        var programme = await Use<ScheduleProgramme>().HandleAsync(request.ColumnId, airDate, request.ExposureIds, request.IdempotencyKey, guard.Caller,
            context.CancellationToken);
        return programme.ToContract();
    }

    public override async Task<Programme> RecordAiring(RecordAiringRequest request, ServerCallContext context)
    {
        var airedAt = ProgrammeRequests.Validate(request);
        return (await Use<RecordAiring>().HandleAsync(request.Id, airedAt, guard.Caller, context.CancellationToken)).ToContract();
    }

    public override async Task<ExposureProblem> RecordFollowUp(RecordFollowUpRequest request, ServerCallContext context)
    {
        var followUp = FollowUpRequests.Validate(request);
        var problem = await Use<RecordFollowUp>().HandleAsync(request.Id, followUp.VisitDate, followUp.Findings, followUp.Rectification, followUp.ColumnId,
            followUp.BroadcastDate, guard.Caller, context.CancellationToken);
        return problem.ToContract(Today);
    }

    public override async Task<ExposureStatistics> GetExposureStatistics(GetExposureStatisticsRequest request, ServerCallContext context)
    {
        var (from, to) = StatisticsRequests.Validate(request);
        var caller = guard.Caller;
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? caller.JurisdictionCode : request.JurisdictionCode;
        var statistics = await Use<GetExposureStatistics>().HandleAsync(root, from, to, caller, context.CancellationToken);
        return statistics.ToContract(root, from, to);
    }

    public override async Task<ColumnCompliance> GetColumnCompliance(GetColumnComplianceRequest request, ServerCallContext context)
    {
        var (from, to) = ProgrammeRequests.Validate(request);
        var (column, periods) = await Use<GetColumnCompliance>().HandleAsync(request.ColumnId, from, to, guard.Caller, context.CancellationToken);
        return column.ToContract(periods);
    }
}
