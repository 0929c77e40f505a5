using Ducha.Secondment.Application.History;
using Ducha.Reference.Jurisdictions;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.Organization;
using Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Application.Supervision;

/// <summary>A member of the level's 督办监察组 (or the level's office) records what it did and whether accountability was carried out; the request closes once.</summary>
public sealed class ResolveSupervision(SecondmentDbContext db, JurisdictionTree tree, GroupMembership membership, ISecondmentHistory history, TimeProvider time, ILogger<ResolveSupervision> logger)
{
    public const string Operation = "ResolveSupervision";
    public const string HistoryKind = "supervision.resolved";

    public async Task<SupervisionRequest> HandleAsync(string id, string outcome, bool accountabilityCarriedOut, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.InspectionTeam, Role.Office);
        var request = await db.SupervisionRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException("SupervisionRequest", id);
        tree.EnsureWithin(actor, request.JurisdictionCode, Operation, logger);
        await membership.EnsureActsForAsync(actor, request.JurisdictionCode, GroupKind.SupervisionDiscipline, Operation, cancellationToken);
        request.Resolve(outcome, accountabilityCarriedOut, actor, time.GetStoredUtcNow());
        await history.AppendAsync(request.JurisdictionCode, HistoryKind, request.Id, new { request.Outcome, request.AccountabilityCarriedOut }, actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException("SupervisionRequest", id, e);
        }
        logger.LogInformation("{Operation}: supervision request {Id} of {JurisdictionCode} resolved by {Role}", Operation, id, request.JurisdictionCode, actor.Role.Name());
        return request;
    }
}
