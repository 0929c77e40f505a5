using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Grpc;

public sealed partial class DisclosureGrpcService(JurisdictionGuard guard, PublishBulletin publish, CountReceivedCases counts,
    JurisdictionRecords<DisclosureDbContext> records, IServiceProvider services) : Contracts.Disclosure.V1.Disclosure.DisclosureBase
{
    // Each call resolves only the use case it runs, rather than every use case of the service on each request.
    private T Use<T>() where T : notnull => services.GetRequiredService<T>();

    public override async Task<Bulletin> CreateBulletin(CreateBulletinRequest request, ServerCallContext context)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Title, "title", 200)
            .RequireText(request.Body, "body", 20000)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();
        return ToContract(await publish.HandleAsync(request.JurisdictionCode, request.Title, request.Body, request.IdempotencyKey, guard.Caller,
            context.CancellationToken));
    }

    public override async Task<Bulletin> GetBulletin(GetBulletinRequest request, ServerCallContext context) =>
        ToContract(await records.FindAsync<Domain.Bulletin>(RecordIds.Require(request.Id), guard.Caller, "GetBulletin", context.CancellationToken));

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

    private static Bulletin ToContract(Domain.Bulletin b) => new()
    {
        Id = b.Id,
        JurisdictionCode = b.JurisdictionCode,
        Title = b.Title,
        Body = b.Body,
        Version = b.Version,
        PublishedAt = Timestamp.FromDateTimeOffset(b.PublishedAt),
    };
}
