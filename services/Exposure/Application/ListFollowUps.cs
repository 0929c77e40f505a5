using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>
/// 待回访: the aired problems whose follow-up the caller's office owes. The open ones come nearest deadline first, so
/// the overdue lead and a clerk works from the top; the complete ones latest deadline first, the most recent on top.
/// Only the owing office's own: the offices above read follow-ups through the statistics, and a sibling never.
/// </summary>
public sealed class ListFollowUps(ExposureDbContext db)
{
    public const string Operation = "ListFollowUps";

    public async Task<(IReadOnlyList<ExposureProblem> Problems, ListPosition? Next)> HandleAsync(bool completed, int pageSize, ListPosition? after,
        Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var owner = actor.JurisdictionCode;
        // The owner and deadline index serves both orders.
        var query = db.Exposures.AsNoTracking().Where(p => p.FollowUpJurisdictionCode == owner && p.FollowUpDeadline != null);
        query = completed
            ? query.Where(p => p.ReturnVisit != null && p.FollowUpBroadcast != null)
            : query.Where(p => p.ReturnVisit == null || p.FollowUpBroadcast == null);
        // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
        if (after is { Date: { } due, Id: var lastId })
            query = completed
                ? query.Where(p => p.FollowUpDeadline < due || p.FollowUpDeadline == due && string.Compare(p.Id, lastId) < 0)
                : query.Where(p => p.FollowUpDeadline > due || p.FollowUpDeadline == due && string.Compare(p.Id, lastId) > 0);
#pragma warning restore CA1309
        query = completed ? query.OrderByDescending(p => p.FollowUpDeadline).ThenByDescending(p => p.Id) : query.OrderBy(p => p.FollowUpDeadline).ThenBy(p => p.Id);
        var rows = await query.Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize
            ? new ListPosition(page[^1].FollowUpDeadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page[^1].Id)
            : null);
    }
}
