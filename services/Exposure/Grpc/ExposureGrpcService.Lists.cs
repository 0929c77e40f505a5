using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Application;
using Grpc.Core;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>The lists a console or an integrating system reads: columns, a column's schedule and problems, the follow-ups owed.</summary>
public sealed partial class ExposureGrpcService
{
    public override async Task<ColumnPage> ListColumns(ListColumnsRequest request, ServerCallContext context)
    {
        var caller = guard.Caller;
        var (code, page) = ListRequests.Validate(request, caller.JurisdictionCode);
        var listing = await Use<ListColumns>().HandleAsync(code, page.Size, page.After, caller, context.CancellationToken);
        var reply = new ColumnPage { NextPageToken = listing.Next?.ToToken(ListPosition.Columns) ?? string.Empty };
        reply.Columns.AddRange(listing.Columns.Select(c => c.ToContract()));
        reply.MediaOutlets.AddRange(listing.Outlets.Select(o => o.ToContract()));
        return reply;
    }

    public override async Task<ProgrammePage> ListProgrammes(ListProgrammesRequest request, ServerCallContext context)
    {
        var (from, to, page) = ListRequests.Validate(request);
        var listing = await Use<ListProgrammes>().HandleAsync(request.ColumnId, from, to, page.Size, page.After, guard.Caller, context.CancellationToken);
        var reply = new ProgrammePage { NextPageToken = listing.Next?.ToToken(ListPosition.Programmes) ?? string.Empty };
        reply.Programmes.AddRange(listing.Programmes.Select(p => p.ToContract()));
        reply.Exposures.AddRange(listing.Problems.Select(p => p.ToContract(Today)));
        return reply;
    }

    public override async Task<ExposurePage> ListExposures(ListExposuresRequest request, ServerCallContext context)
    {
        var (stage, page) = ListRequests.Validate(request);
        var (problems, next) = await Use<ListExposures>().HandleAsync(request.ColumnId, stage, page.Size, page.After, guard.Caller, context.CancellationToken);
        return Page(problems, next?.ToToken(ListPosition.Exposures));
    }

    public override async Task<ExposurePage> ListFollowUps(ListFollowUpsRequest request, ServerCallContext context)
    {
        var page = ListRequests.Validate(request);
        var (problems, next) = await Use<ListFollowUps>().HandleAsync(request.Completed, page.Size, page.After, guard.Caller, context.CancellationToken);
        return Page(problems, next?.ToToken(request.Completed ? ListPosition.CompletedFollowUps : ListPosition.OpenFollowUps));
    }

    private ExposurePage Page(IEnumerable<Domain.ExposureProblem> problems, string? next)
    {
        var today = Today;
        var reply = new ExposurePage { NextPageToken = next ?? string.Empty };
        reply.Exposures.AddRange(problems.Select(p => p.ToContract(today)));
        return reply;
    }
}
