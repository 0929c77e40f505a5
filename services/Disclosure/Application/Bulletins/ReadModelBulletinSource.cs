using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// A bulletin's content from the disclosure read model: the cases that came into the jurisdiction's hands in the period
/// (the level's own index), where they stand now, what cases answered of their findings and results, and the people
/// held accountable on them by rank.
/// </summary>
public sealed class ReadModelBulletinSource(DisclosureDbContext db, JurisdictionTree tree) : IBulletinSource
{
    public async Task<BulletinContent> ComposeAsync(Jurisdiction jurisdiction, BulletinPeriod period, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().CameInto(jurisdiction, new DisclosurePeriod(period.Start, period.End));
        var rows = await cases.InArrivalOrder(jurisdiction.Level, null)
            .Select(c => new { c.CaseId, c.JurisdictionCode, c.PollutionType, c.Stage, c.Overdue })
            .ToListAsync(cancellationToken);
        // Each side table joined to the same index range: three queries however many cases the period holds.
        var facts = (await cases.Join(db.Facts.AsNoTracking(), c => c.CaseId, f => f.CaseId, (_, f) => f).ToListAsync(cancellationToken))
            .ToDictionary(f => f.CaseId, StringComparer.Ordinal);
        var held = (await cases.Join(db.Accountability.AsNoTracking(), c => c.CaseId, t => t.CaseId, (_, t) => t).ToListAsync(cancellationToken))
            .ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var typical = (await cases.Join(db.TypicalMarks.AsNoTracking().Where(m => m.Typical), c => c.CaseId, m => m.CaseId, (_, m) => m.CaseId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var table = rows.Select((r, i) =>
        {
            var f = facts.GetValueOrDefault(r.CaseId) is { Found: true } found ? found : null;
            return new BulletinCaseRow(i + 1, r.CaseId, PlaceName(r.JurisdictionCode, f?.Address), BulletinTerms.PollutionType(r.PollutionType),
                f is null ? "（正在核实）" : BulletinTerms.BasicFacts(f.Polluter, f.Description),
                f?.Findings ?? "正在调查核实", f?.Result ?? (r.Stage == CaseStage.Closed ? "已办结" : "正在办理"),
                BulletinTerms.Rectification(f?.Rectification, f?.RectificationDeadline),
                PeopleHeld.Of(held[r.CaseId].Select(t => KeyValuePair.Create(t.Rank, t.Held))), typical.Contains(r.CaseId));
        }).ToList();
        var closed = rows.Count(r => r.Stage == CaseStage.Closed);
        return new BulletinContent(jurisdiction.Code, PlaceName(jurisdiction.Code, null), period.Start, period.End, rows.Count, rows.Count - closed, closed,
            rows.Count(r => r.Overdue), table, await ToDateAsync(jurisdiction, period, cancellationToken));
    }

    /// <summary>
    /// The running totals since the inspection began — the start of the jurisdiction's cadence — when it began before
    /// the period; counted by the database, so a province's year of cases costs two aggregate queries.
    /// </summary>
    private async Task<BulletinToDate?> ToDateAsync(Jurisdiction jurisdiction, BulletinPeriod period, CancellationToken cancellationToken)
    {
        var since = await db.BulletinCadences.AsNoTracking().Where(c => c.JurisdictionCode == jurisdiction.Code).Select(c => (DateOnly?)c.Start)
            .FirstOrDefaultAsync(cancellationToken);
        if (since is not { } start || start >= period.Start) return null;
        var summary = await db.SummarizeAsync(db.Cases.AsNoTracking().CameInto(jurisdiction, new DisclosurePeriod(start, period.End)), cancellationToken);
        return new BulletinToDate(start, summary.Transferred, summary.InHand, summary.Closed, summary.Overdue,
            PeopleHeld.Of(summary.Accountability.Select(a => KeyValuePair.Create(a.Rank, a.Held))));
    }

    /// <summary>
    /// The place as the table prints it: the city and county names, then the case's address — without saying a name
    /// twice when the address was typed starting with it ("溧阳市昆仑街道" under 常州市溧阳市).
    /// </summary>
    private string PlaceName(string code, string? address)
    {
        var names = Names(tree, code);
        if (address is not { Length: > 0 }) return string.Concat(names);
        if (tree.Find(code) is not null && tree.Ancestors(code).FirstOrDefault(a => a.Level == JurisdictionLevel.Province) is { } province
            && address.StartsWith(province.Name, StringComparison.Ordinal))
            return address;
        for (var from = 0; from < names.Count; from++)
            if (address.StartsWith(string.Concat(names.Skip(from)), StringComparison.Ordinal))
                return string.Concat(names.Take(from)) + address;
        return string.Concat(names) + address;
    }

    /// <summary>The jurisdiction as its bulletins' titles name it: the city and county names (常州市溧阳市), a province's own.</summary>
    public static string JurisdictionName(JurisdictionTree tree, string code) => string.Concat(Names(tree, code));

    private static List<string> Names(JurisdictionTree tree, string code) => tree.Find(code) is { } place
        ? [.. tree.Ancestors(code).Where(a => a.Level != JurisdictionLevel.Province).Reverse().Select(a => a.Name), place.Name]
        : [code];
}
