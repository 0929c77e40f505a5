using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>接 and the reads: create, get, list, count and the case file.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> CreateCase(CreateCaseRequest request, ServerCallContext context)
    {
        var (intake, reporter) = request.ToIntake(tree);
        var (view, _) = await Use<ReceiveComplaint>(context).HandleAsync(intake, reporter, Actor, context.CancellationToken);
        return ToContract(view);
    }

    public override async Task<Case> OpenExposureCase(OpenExposureCaseRequest request, ServerCallContext context) =>
        ToContract(await Use<Application.OpenExposureCase>(context).HandleAsync(request.ToOrder(tree), Actor, context.CancellationToken));

    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        return ToContract(await Use<Application.GetCase>(context).HandleAsync(request.Id, Actor, context.CancellationToken));
    }

    public override async Task<Contracts.Cases.V1.CasePage> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var actor = Actor;
        var (root, filter, pageSize, after) = request.ToFilter(actor.JurisdictionCode);
        var page = await Use<Application.ListCases>(context).HandleAsync(root, filter, pageSize, after, actor, context.CancellationToken);
        var reply = new Contracts.Cases.V1.CasePage { Total = page.Total, NextPageToken = page.NextPageToken };
        reply.Cases.AddRange(page.Cases.Select(ToContract));
        return reply;
    }

    public override async Task<Contracts.Cases.V1.CasePage> ListHeldCases(ListHeldCasesRequest request, ServerCallContext context)
    {
        var (filter, pageSize, after) = request.ToPage();
        var page = await Use<Application.ListHeldCases>(context).HandleAsync(filter, pageSize, after, Actor, context.CancellationToken);
        var reply = new Contracts.Cases.V1.CasePage { Total = page.Total, NextPageToken = page.NextPageToken };
        reply.Cases.AddRange(page.Cases.Select(ToContract));
        return reply;
    }

    public override async Task<CaseTrend> CountCasesOverTime(CountCasesOverTimeRequest request, ServerCallContext context)
    {
        var actor = Actor;
        var (root, from, to, interval) = request.ToTrendQuery(actor.JurisdictionCode);
        var points = await Use<Application.CountCasesOverTime>(context).HandleAsync(root, from, to, interval, actor, context.CancellationToken);
        var reply = new CaseTrend();
        reply.Points.AddRange(points.Select(p => new CaseTrendPoint
        {
            Start = p.Start.ToWire(), End = p.End.ToWire(), Received = p.Received, Closed = p.Closed, OpenAtEnd = p.OpenAtEnd,
        }));
        return reply;
    }

    public override async Task<CaseCounts> CountCases(CountCasesRequest request, ServerCallContext context)
    {
        var actor = Actor;
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? actor.JurisdictionCode : request.JurisdictionCode;
        new RequestValidator().RequireJurisdictionCode(root).ThrowIfInvalid();
        return (await Use<Application.CountCases>(context).HandleAsync(root, actor, context.CancellationToken)).ToContract();
    }

    public override async Task<CaseFile> GetCaseFile(GetCaseFileRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var file = await Use<Application.GetCaseFile>(context).HandleAsync(request.Id, Actor, context.CancellationToken);
        return file.ToContract(ToContract(file.Case));
    }
}
