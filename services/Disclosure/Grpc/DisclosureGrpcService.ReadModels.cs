using Ducha.Contracts.Disclosure.V1;
using DisclosedCasePage = Ducha.Contracts.Disclosure.V1.DisclosedCasePage;
using ReadModelRebuild = Ducha.Contracts.Disclosure.V1.ReadModelRebuild;
using Ducha.Disclosure.Application;
using Grpc.Core;

namespace Ducha.Disclosure.Grpc;

/// <summary>The read models: an office's summary and case list of its jurisdiction, and the operators' rebuild.</summary>
public sealed partial class DisclosureGrpcService
{
    private static T Use<T>(ServerCallContext context) where T : notnull => context.GetHttpContext().RequestServices.GetRequiredService<T>();

    private static Actor Caller(ServerCallContext context) => Use<JurisdictionGuard>(context).Caller;

    public override async Task<CaseSummary> GetCaseSummary(GetCaseSummaryRequest request, ServerCallContext context)
    {
        var period = request.Validate();
        var summary = await Use<Application.GetCaseSummary>(context).HandleAsync(request.JurisdictionCode, period, Caller(context), context.CancellationToken);
        return summary.ToContract(request.JurisdictionCode, period);
    }

    public override async Task<DisclosedCasePage> ListDisclosedCases(ListDisclosedCasesRequest request, ServerCallContext context)
    {
        var (period, pageSize, after) = request.Validate();
        var page = await Use<Application.ListDisclosedCases>(context).HandleAsync(request.JurisdictionCode, period, pageSize, after, Caller(context),
            context.CancellationToken);
        return page.ToContract();
    }

    public override async Task<Contracts.Disclosure.V1.TypicalCaseMark> MarkTypicalCase(MarkTypicalCaseRequest request, ServerCallContext context)
    {
        var mark = await Use<Application.MarkTypicalCase>(context).HandleAsync(RecordIds.Require(request.CaseId, "case_id"), request.Typical, Caller(context),
            context.CancellationToken);
        return new Contracts.Disclosure.V1.TypicalCaseMark
        {
            CaseId = mark.CaseId, Typical = mark.Typical, MarkedBy = mark.MarkedBy, MarkedByJurisdictionCode = mark.MarkedByJurisdictionCode,
            MarkedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(mark.MarkedAt),
        };
    }

    public override async Task<ReadModelRebuild> RebuildReadModels(RebuildReadModelsRequest request, ServerCallContext context) =>
        (await Use<Application.RebuildReadModels>(context).HandleAsync(request.DryRun, Caller(context), context.CancellationToken)).ToContract();
}
