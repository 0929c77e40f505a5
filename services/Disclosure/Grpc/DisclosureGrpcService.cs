using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application;
using Bulletins = Ducha.Disclosure.Application.Bulletins;
using Ducha.Disclosure.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = Ducha.Disclosure.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Disclosure.Grpc;

public sealed partial class DisclosureGrpcService(JurisdictionGuard guard, CountReceivedCases counts, IServiceProvider services)
    : Contracts.Disclosure.V1.Disclosure.DisclosureBase
{
    // Each call resolves only the use case it runs.
    private T Use<T>() where T : notnull => services.GetRequiredService<T>();

    public override async Task<Bulletin> DraftBulletin(DraftBulletinRequest request, ServerCallContext context)
    {
        var period = BulletinRequests.Validate(request);
        var bulletin = await Use<Bulletins.DraftBulletin>().HandleAsync(request.JurisdictionCode, period, guard.Caller, context.CancellationToken);
        return await Read(bulletin.Id, context);
    }

    public override async Task<Bulletin> PublishBulletin(PublishBulletinRequest request, ServerCallContext context)
    {
        var (bulletin, versions) = await Use<Bulletins.PublishBulletin>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken);
        return bulletin.ToContract(versions);
    }

    public override async Task<Bulletin> CorrectBulletin(CorrectBulletinRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).RequireText(request.Reason, "reason", 1000).ThrowIfInvalid(CorrectBulletinRequest.Descriptor);
        var (bulletin, versions) = await Use<Bulletins.CorrectBulletin>().HandleAsync(request.Id, request.Reason, guard.Caller, context.CancellationToken);
        return bulletin.ToContract(versions);
    }

    public override Task<Bulletin> GetBulletin(GetBulletinRequest request, ServerCallContext context) => Read(RecordIds.Require(request.Id), context);

    public override async Task<BulletinPage> ListBulletins(ListBulletinsRequest request, ServerCallContext context)
    {
        var (state, pageSize, after) = BulletinRequests.Validate(request);
        var page = await Use<Bulletins.ListBulletins>().HandleAsync(request.JurisdictionCode, state, pageSize, after, guard.Caller, context.CancellationToken);
        return page.ToContract();
    }

    public override async Task<BulletinCadence> SetBulletinCadence(SetBulletinCadenceRequest request, ServerCallContext context)
    {
        var (start, end) = BulletinRequests.Validate(request);
        var cadence = await Use<Bulletins.SetBulletinCadence>().HandleAsync(request.JurisdictionCode,
            request.Kind == CadenceKind.Unspecified ? null : (Domain.Bulletins.CadenceKind)request.Kind, request.HasEveryDays ? request.EveryDays : null,
            request.Weekdays, start, end, guard.Caller, context.CancellationToken);
        return cadence.ToContract();
    }

    private async Task<Bulletin> Read(string id, ServerCallContext context)
    {
        var (bulletin, versions) = await Use<Bulletins.GetBulletin>().HandleAsync(id, guard.Caller, context.CancellationToken);
        return bulletin.ToContract(versions);
    }

    public override async Task<ReceivedCaseCounts> GetReceivedCaseCounts(GetReceivedCaseCountsRequest request, ServerCallContext context)
    {
        var filter = string.IsNullOrEmpty(request.JurisdictionCode) ? null : request.JurisdictionCode;
        if (filter is not null)
            new RequestValidator().RequireJurisdictionCode(filter).ThrowIfInvalid();
        var reply = new ReceivedCaseCounts();
        reply.Counts.AddRange((await counts.HandleAsync(filter, guard.Caller, context.CancellationToken)).Select(c => new ReceivedCaseCount
        {
            JurisdictionCode = c.JurisdictionCode,
            Received = c.Received,
            LastReceivedAt = Timestamp.FromDateTimeOffset(c.LastReceivedAt),
        }));
        return reply;
    }
}
