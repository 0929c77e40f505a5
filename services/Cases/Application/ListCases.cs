using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

/// <summary>What a list asks for: a subtree of places and optional filters; null means "any".</summary>
public sealed record CaseFilter(string Root, CaseStatus? Status = null, Channel? Channel = null, PollutionType? PollutionType = null,
    DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null, bool OverdueOnly = false, int MinRepeatCount = 0,
    bool BuckPassingOnly = false);

public sealed record CasePage(List<CaseView> Cases, int Total, string NextPageToken);

/// <summary>
/// The case list, newest first, of the cases the actor may see. The page token says where the next page starts
/// (<see cref="CasePageToken"/>).
/// </summary>
public sealed class ListCases(VisibleCases cases, CaseViews views, TimeProvider time)
{
    public const string Operation = "ListCases";

    public async Task<CasePage> HandleAsync(CaseFilter filter, int pageSize, CasePageToken? after, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCase.Readers);
        var query = await FilteredAsync(filter, actor, Operation, cancellationToken);
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

    /// <summary>The visible cases of the filter's subtree, filtered; the root must be within the actor's reach.</summary>
    public async Task<IQueryable<Case>> FilteredAsync(CaseFilter filter, Actor actor, string operation, CancellationToken cancellationToken)
    {
        var query = await cases.WithinAsync(filter.Root, actor, operation, cancellationToken);
        // Domain-typed locals, so the parameters pass through the columns' string converters.
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (filter.PollutionType is { } pollution) query = query.Where(c => c.PollutionType == pollution);
        if (filter.OverdueOnly) query = query.PastDeadline(BeijingTime.DateOf(time.GetUtcNow()));
        if (filter.MinRepeatCount > 0)
        {
            var min = filter.MinRepeatCount;
            query = query.Where(c => c.RepeatCount >= min);
        }
        if (filter.BuckPassingOnly) query = query.Where(c => c.BuckPassingFlagged);
        if (filter.ReceivedFrom is { } f) query = query.Where(c => c.ReceivedAt >= BeijingTime.StartOf(f));
        if (filter.ReceivedTo is { } t) query = query.Where(c => c.ReceivedAt < BeijingTime.StartOf(t.AddDays(1)));
        return query;
    }
}
