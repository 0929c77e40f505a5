using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

public sealed record CasePage(List<CaseView> Cases, int Total, string NextPageToken);

/// <summary>
/// The case list, newest first, of the cases the actor may see. The page token says where the next page starts
/// (<see cref="CasePageToken"/>).
/// </summary>
public sealed class ListCases(VisibleCases cases, CaseViews views, TimeProvider time)
{
    public const string Operation = "ListCases";

    public async Task<CasePage> HandleAsync(string root, CaseFilter filter, int pageSize, CasePageToken? after, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCase.Readers);
        var query = await FilteredAsync(root, filter, actor, Operation, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        if (after is { } token)
        {
            var (receivedAt, id) = (token.ReceivedAt, token.CaseId);
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(c => c.ReceivedAt < receivedAt || c.ReceivedAt == receivedAt && string.Compare(c.Id, id) > 0);
#pragma warning restore CA1309
        }
        // One case more than the page shows says whether there is a next page.
        var page = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? CasePageToken.After(page[pageSize - 1]).ToString() : string.Empty;
        return new CasePage([.. page.Take(pageSize).Select(c => views.For(c, actor))], total, next);
    }

    /// <summary>The visible cases of the subtree under <paramref name="root"/>, filtered; the root must be within the actor's reach.</summary>
    public async Task<IQueryable<Case>> FilteredAsync(string root, CaseFilter filter, Actor actor, string operation, CancellationToken cancellationToken) =>
        filter.Apply(await cases.WithinAsync(root, actor, operation, cancellationToken), BeijingTime.DateOf(time.GetUtcNow()));
}
