using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>One bulletin of a list, without its content: the day it falls due, whether it missed it, when it was last corrected.</summary>
public sealed record BulletinListing(string Id, string JurisdictionCode, BulletinPeriod Period, BulletinState State, int Version, string Title, DateOnly DueBy,
    bool Overdue, DateTimeOffset DraftedAt, DateTimeOffset? PublishedAt, DateTimeOffset? CorrectedAt);

public sealed record BulletinListingPage(IReadOnlyList<BulletinListing> Bulletins, string NextPageToken);

/// <summary>
/// A jurisdiction's bulletins for an office — its own, or one below it, as it supervises them — drafts and published,
/// latest period first, a page at a time: what is due, what is late, what was published and corrected. The content
/// stays out of the list (a province's period can hold hundreds of cases); GetBulletin has it.
/// </summary>
public sealed class ListBulletins(DisclosureDbContext db, JurisdictionTree tree, WorkingCalendar calendar, TimeProvider time, ILogger<ListBulletins> logger)
{
    public const string Operation = "ListBulletins";
    public const int MaxPageSize = 200, DefaultPageSize = 50;

    public async Task<BulletinListingPage> HandleAsync(string jurisdictionCode, BulletinState? state, int pageSize, BulletinPageToken? after, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var jurisdiction = tree.RequireOfficeLevel(jurisdictionCode);
        tree.EnsureWithin(actor, jurisdictionCode, Operation, logger);
        var query = db.Bulletins.AsNoTracking().Where(b => b.JurisdictionCode == jurisdiction.Code);
        if (state is { } only) query = query.Where(b => b.State == only);
        if (after is { } token)
        {
            var (start, end, id) = (token.PeriodStart, token.PeriodEnd, token.Id);
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(b => b.PeriodStart < start || (b.PeriodStart == start && (b.PeriodEnd < end || (b.PeriodEnd == end && string.Compare(b.Id, id) < 0))));
#pragma warning restore CA1309
        }
        // The unique (jurisdiction, period) index in reverse; one more row than asked, to know whether a next page exists.
        var rows = await query.OrderByDescending(b => b.PeriodStart).ThenByDescending(b => b.PeriodEnd).ThenByDescending(b => b.Id)
            .Select(b => new { b.Id, b.PeriodStart, b.PeriodEnd, b.State, b.Version, b.DraftedAt, b.PublishedAt })
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var corrected = page.Where(b => b.Version > 1).Select(b => b.Id).ToList();
        var corrections = (await db.BulletinVersions.AsNoTracking().Where(v => corrected.Contains(v.BulletinId) && v.Number > 1)
            .Select(v => new { v.BulletinId, v.Number, v.PublishedAt }).ToListAsync(cancellationToken))
            .ToLookup(v => v.BulletinId, StringComparer.Ordinal);
        var cadence = await db.BulletinCadences.AsNoTracking().FirstOrDefaultAsync(c => c.JurisdictionCode == jurisdiction.Code, cancellationToken);
        var today = BeijingTime.DateOf(time.GetStoredUtcNow());
        var name = ReadModelBulletinSource.JurisdictionName(tree, jurisdiction.Code);
        var listings = page.Select(b =>
        {
            var period = new BulletinPeriod(b.PeriodStart, b.PeriodEnd);
            var dueBy = period.DueBy(calendar);
            // A period that fell due before the office set its cadence was due by no one's word: not late, as the watch judges too.
            var overdue = BulletinPeriod.Missed(dueBy, b.PublishedAt, today) && (cadence is null || cadence.Binds(dueBy));
            var title = new BulletinContent(jurisdiction.Code, name, b.PeriodStart, b.PeriodEnd, 0, 0, 0, 0, []).Title;
            return new BulletinListing(b.Id, jurisdiction.Code, period, b.State, b.Version, title, dueBy, overdue, b.DraftedAt, b.PublishedAt,
                corrections[b.Id].MaxBy(v => v.Number)?.PublishedAt);
        }).ToList();
        var next = rows.Count > pageSize && page[^1] is var last ? new BulletinPageToken(last.PeriodStart, last.PeriodEnd, last.Id).ToString() : "";
        return new BulletinListingPage(listings, next);
    }
}
