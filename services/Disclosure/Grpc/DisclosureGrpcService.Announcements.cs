using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application;
using Grpc.Core;

namespace Ducha.Disclosure.Grpc;

/// <summary>Entry announcements (进驻公告): requests checked and mapped here, rules in Domain/Announcement.cs.</summary>
public sealed partial class DisclosureGrpcService
{
    public override async Task<Announcement> PublishAnnouncement(PublishAnnouncementRequest request, ServerCallContext context)
    {
        var content = AnnouncementRequests.Validate(request);
        var announcement = await Use<PublishAnnouncement>().HandleAsync(request.JurisdictionCode, content, request.IdempotencyKey, guard.Caller,
            context.CancellationToken);
        return announcement.ToContract();
    }

    public override async Task<Announcement> GetAnnouncement(GetAnnouncementRequest request, ServerCallContext context) =>
        (await Use<GetAnnouncement>().HandleAsync(RecordIds.Require(request.Id), guard.Caller, context.CancellationToken)).ToContract();

    public override async Task<AnnouncementPage> ListAnnouncements(ListAnnouncementsRequest request, ServerCallContext context)
    {
        var (pageSize, after) = AnnouncementRequests.Validate(request);
        var caller = guard.Caller;
        var code = request.JurisdictionCode.Length == 0 ? caller.JurisdictionCode : request.JurisdictionCode;
        var (page, nextAfter) = await Use<ListAnnouncements>().HandleAsync(code, pageSize, after, caller, context.CancellationToken);
        var reply = new AnnouncementPage { NextPageToken = nextAfter ?? string.Empty };
        reply.Announcements.AddRange(page.Select(a => a.ToContract()));
        return reply;
    }

    public override async Task<Announcement> CorrectAnnouncement(CorrectAnnouncementRequest request, ServerCallContext context)
    {
        var amendment = AnnouncementRequests.Validate(request);
        return (await Use<CorrectAnnouncement>().HandleAsync(request.Id, amendment, request.Reason, guard.Caller, context.CancellationToken)).ToContract();
    }
}
