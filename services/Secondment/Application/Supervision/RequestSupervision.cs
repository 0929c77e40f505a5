using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Calendar;
using Ducha.Secondment.Application.History;
using Ducha.Reference.Jurisdictions;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;
using Ducha.Secondment.Domain.Organization;
using Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Application.Supervision;

/// <summary>
/// A member of 综合巡查组 or 信访督办组 (for the group the level's organization names them in), or the level's office, files a supervision request about a case of the level with
/// 督办监察组; the deadline is counted in working days on the official calendar from the day of filing.
/// </summary>
public sealed class RequestSupervision(JurisdictionRecords<SecondmentDbContext> records, ICaseDirectory cases, ISecondmentHistory history,
    EventOutbox<SecondmentDbContext> outbox, WorkingCalendar calendar, SupervisionTerms terms, GroupMembership membership, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "RequestSupervision";
    public const string HistoryKind = "supervision.requested";

    public async Task<SupervisionRequest> HandleAsync(string jurisdictionCode, string caseId, GroupKind fromGroup, SupervisionReason reason, string details,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        SupervisionRequest.EnsureFiler(actor, Operation);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var now = time.GetStoredUtcNow();
        var deadline = calendar.AddWorkingDays(BeijingTime.DateOf(now), terms.WorkingDays);
        var request = SupervisionRequest.File(jurisdictionCode, caseId, fromGroup, reason, details, deadline, idempotencyKey, actor, now);
        await membership.EnsureActsForAsync(actor, jurisdictionCode, fromGroup, Operation, cancellationToken);
        var place = await cases.FindCaseJurisdictionAsync(caseId, cancellationToken);
        if (place is null || !tree.IsWithin(place, jurisdictionCode))
            throw new RequestValidationException("case_id", $"no case '{caseId}' about a place within {jurisdictionCode} is visible to the caller");
        // The link joins the request's save; a retry that finds the key filed drops it with the duplicate.
        await history.AppendAsync(jurisdictionCode, HistoryKind, request.Id,
            new { request.CaseId, FromGroup = request.FromGroup.ToString(), Reason = request.Reason.ToString(), request.Details, request.Deadline }, actor, cancellationToken);
        try
        {
            return await records.FileAsync(request, actor, Operation, cancellationToken, r => outbox.Add(new SupervisionRequested(r.Id, r.JurisdictionCode,
                r.CaseId, WireNames.Of(r.FromGroup), WireNames.Of(r.Reason), r.Deadline, r.RequestedAt)));
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another change of the level took the history's next link first: nothing was stored.
            throw new ConcurrentChangeException("SupervisionRequest", request.Id, e);
        }
    }
}
