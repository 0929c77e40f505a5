using System.Globalization;
using Ducha.BuildingBlocks;
using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

/// <summary>
/// 待办: the open cases the caller's own party holds now — the office of their jurisdiction, or for a handler their unit —
/// nearest deadline first, those without a deadline yet (received, not assigned) last, then by id. A clerk works from
/// the top of this list, so the order is the deadline's, not the receipt's.
/// </summary>
public sealed class ListHeldCases(VisibleCases cases, CaseViews views, TimeProvider time)
{
    public const string Operation = "ListHeldCases";

    public async Task<CasePage> HandleAsync(CaseFilter filter, int pageSize, HeldCasePageToken? after, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCase.Readers);
        var holder = actor.AsParty();
        var (code, unit) = (holder.JurisdictionCode, holder.Unit);
        var closed = CaseStatus.Closed;
        // What the caller holds is always within what the caller may see; starting from the visible cases keeps the
        // handler's register check and the reach rules in one place.
        var query = (await cases.WithinAsync(actor.JurisdictionCode, actor, Operation, cancellationToken))
            .Where(c => c.HolderJurisdictionCode == code && c.Status != closed);
        // Spelled out per party, so an office's list reads "IS NULL" and both use the holder index.
        query = unit is null ? query.Where(c => c.HolderUnit == null) : query.Where(c => c.HolderUnit == unit);
        query = filter.Apply(query, BeijingTime.DateOf(time.GetUtcNow()));
        var total = await query.CountAsync(cancellationToken);
        // Two range reads of the holder index instead of one sort: the dated cases in deadline order, then — once they
        // run out — the undated ones by id. (An ORDER BY on "has a deadline" would sort every held case for each page.)
        var page = new List<Case>(pageSize + 1);
        // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
        if (after is not { Deadline: null })
        {
            var dated = query.Where(c => c.Deadline != null);
            if (after is { Deadline: { } deadline, CaseId: var lastId })
                dated = dated.Where(c => c.Deadline > deadline || c.Deadline == deadline && string.Compare(c.Id, lastId) > 0);
            // One case more than the page shows says whether there is a next page.
            page.AddRange(await dated.OrderBy(c => c.Deadline).ThenBy(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken));
        }
        if (page.Count <= pageSize)
        {
            var undated = query.Where(c => c.Deadline == null);
            if (after is { Deadline: null, CaseId: var lastUndated }) undated = undated.Where(c => string.Compare(c.Id, lastUndated) > 0);
            page.AddRange(await undated.OrderBy(c => c.Id).Take(pageSize + 1 - page.Count).ToListAsync(cancellationToken));
        }
#pragma warning restore CA1309
        var next = page.Count > pageSize ? new HeldCasePageToken(page[pageSize - 1].Deadline, page[pageSize - 1].Id).ToString() : string.Empty;
        return new CasePage([.. page.Take(pageSize).Select(c => views.For(c, actor))], total, next);
    }
}

/// <summary>
/// Where the next page of the held cases starts: just after the last case shown, by its deadline (none sorts last) and id.
/// A position, so a case handed on while someone pages does not push another out of sight.
/// </summary>
public readonly record struct HeldCasePageToken(DateOnly? Deadline, string CaseId)
{
    private const string Version = "h1";

    public override string ToString() =>
        PagePosition.Encode(Version, Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", CaseId);

    public static bool TryParse(string text, out HeldCasePageToken token)
    {
        token = default;
        if (!PagePosition.TryDecode(text, Version, out var deadline, out var id)) return false;
        if (deadline == "-")
        {
            token = new HeldCasePageToken(null, id);
            return true;
        }
        if (!DateOnly.TryParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        token = new HeldCasePageToken(date, id);
        return true;
    }
}
