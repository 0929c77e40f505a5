using Ducha.BuildingBlocks;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Ducha.Persistence;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Grpc;

public sealed class DisclosureGrpcService(DisclosureDbContext db, JurisdictionGuard guard, TimeProvider time, ILogger<DisclosureGrpcService> logger)
    : Contracts.Disclosure.V1.Disclosure.DisclosureBase
{
    public override async Task<Bulletin> CreateBulletin(CreateBulletinRequest request, ServerCallContext context)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Title, "title", 200)
            .RequireText(request.Body, "body", 20000)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();
        guard.Require("CreateBulletin", Role.Office);
        guard.EnsureWithin(request.JurisdictionCode, "CreateBulletin");
        var (bulletin, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => b => b.IdempotencyKey == key,
            () => Domain.Bulletin.Publish(request.JurisdictionCode, request.Title, request.Body, request.IdempotencyKey, time.GetStoredUtcNow()),
            _ => { },
            context.CancellationToken);
        if (created)
            logger.LogInformation("Bulletin {BulletinId} published for {JurisdictionCode}", bulletin.Id, bulletin.JurisdictionCode);
        return ToContract(bulletin);
    }

    public override async Task<Bulletin> GetBulletin(GetBulletinRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("Bulletin", request.Id);
        guard.EnsureWithin(bulletin.JurisdictionCode, "GetBulletin");
        return ToContract(bulletin);
    }

    public override async Task<ReceivedCaseCounts> GetReceivedCaseCounts(GetReceivedCaseCountsRequest request, ServerCallContext context)
    {
        var filter = string.IsNullOrEmpty(request.JurisdictionCode) ? null : request.JurisdictionCode;
        if (filter is not null)
        {
            new RequestValidator().RequireJurisdictionCode(filter).ThrowIfInvalid();
            guard.EnsureWithin(filter, "GetReceivedCaseCounts");
        }
        var counts = await db.ReceivedCaseCounts.AsNoTracking()
            .Where(c => filter == null || c.JurisdictionCode == filter)
            .OrderBy(c => c.JurisdictionCode)
            .ToListAsync(context.CancellationToken);
        var reply = new ReceivedCaseCounts();
        // Only the caller's part of the tree; the table holds one row per jurisdiction, so this stays small.
        reply.Counts.AddRange(counts.Where(c => guard.CanReach(c.JurisdictionCode)).Select(c => new ReceivedCaseCount
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
