using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>One case's public facts as the read models hold them: what events said, what cases answered, and the office's mark.</summary>
public sealed record DisclosedCaseView(DisclosedCase Case, DateTimeOffset TransferredAt, DisclosedCaseFacts? Facts, IReadOnlyList<AccountabilityTally> Accountability,
    bool Typical, DisclosedExposure? Exposure);

public sealed record DisclosedCasePage(IReadOnlyList<DisclosedCaseView> Cases, string NextPageToken);

/// <summary>
/// The cases that came into a jurisdiction's hands in a period, one by one in the order they came, with their public
/// facts: the per-case table of a 边督边改 bulletin. For an office, on its own jurisdiction or one below it.
/// </summary>
public sealed class ListDisclosedCases(DisclosureDbContext db, JurisdictionTree tree, ILogger<ListDisclosedCases> logger)
{
    public const string Operation = "ListDisclosedCases";
    public const int MaxPageSize = 200, DefaultPageSize = 50;

    public async Task<DisclosedCasePage> HandleAsync(string jurisdictionCode, DisclosurePeriod period, int pageSize, DisclosedCasePageToken? after, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, GetCaseSummary.Readers);
        var jurisdiction = tree.RequireOfficeLevel(jurisdictionCode);
        tree.EnsureWithin(actor, jurisdictionCode, Operation, logger);
        var page = await db.Cases.AsNoTracking().CameInto(jurisdiction, period).InArrivalOrder(jurisdiction.Level, after)
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = page.Count > pageSize;
        if (more) page.RemoveAt(page.Count - 1);
        var ids = page.Select(c => c.CaseId).ToList();
        var facts = await db.Facts.AsNoTracking().Where(f => ids.Contains(f.CaseId)).ToDictionaryAsync(f => f.CaseId, cancellationToken);
        var tallies = (await db.Accountability.AsNoTracking().Where(t => ids.Contains(t.CaseId)).ToListAsync(cancellationToken)).ToLookup(t => t.CaseId);
        var typical = await db.TypicalMarks.AsNoTracking().Where(m => ids.Contains(m.CaseId) && m.Typical).Select(m => m.CaseId).ToListAsync(cancellationToken);
        var exposureIds = facts.Values.Where(f => f.ExposureId is not null).Select(f => f.ExposureId!).ToList();
        var exposures = await db.Exposures.AsNoTracking().Where(e => exposureIds.Contains(e.ExposureId) || (e.CaseId != null && ids.Contains(e.CaseId)))
            .ToListAsync(cancellationToken);
        var views = page.Select(c =>
        {
            var own = facts.GetValueOrDefault(c.CaseId);
            var exposure = exposures.FirstOrDefault(e => e.CaseId == c.CaseId || (own?.ExposureId is { } id && e.ExposureId == id));
            return new DisclosedCaseView(c, c.ArrivedAt(jurisdiction.Level)!.Value, own, [.. tallies[c.CaseId].OrderBy(t => t.Rank).ThenBy(t => t.Sanction)],
                typical.Contains(c.CaseId), exposure);
        }).ToList();
        var next = more && page[^1] is var last ? new DisclosedCasePageToken(last.ArrivedAt(jurisdiction.Level)!.Value.UtcTicks, last.CaseId).ToString() : "";
        return new DisclosedCasePage(views, next);
    }
}
