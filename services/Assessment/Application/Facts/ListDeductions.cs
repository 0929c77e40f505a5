using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Facts;

public sealed record DeductionList(IReadOnlyList<DeductionFact> Deductions, string NextPageToken);

/// <summary>
/// The deductions charged to a jurisdiction in a year — to the party that held the case when it went wrong, anywhere
/// within the jurisdiction — or, with a department, to that department of the jurisdiction; each with its events and
/// case, exempted ones (容错) with their reason. The raw facts, before a scheme puts rules and points on them: the
/// assessed read their own, the assessing level the levels below it, no one a sibling's.
/// </summary>
public sealed class ListDeductions(AssessmentDbContext db, JurisdictionTree tree, ILogger<ListDeductions> logger)
{
    public const string Operation = "ListDeductions";
    public const int MaxPageSize = 200, DefaultPageSize = 50;

    public async Task<DeductionList> HandleAsync(string jurisdictionCode, int year, string? department, int pageSize, DeductionPageToken? after, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor, Role.LeadDepartment);
        tree.EnsureWithin(actor, jurisdictionCode, Operation, logger);
        var facts = db.DeductionFacts.AsNoTracking().Where(d => d.Year == year);
        facts = department is null ? facts.HeldWithin(JurisdictionRange.Of(tree, jurisdictionCode))
            : facts.Where(d => d.HolderJurisdictionCode == jurisdictionCode && d.HolderUnit == department);
        if (after is { } position)
        {
            var at = new DateTimeOffset(position.OccurredAtUtcTicks, TimeSpan.Zero);
            facts = facts.Where(d => d.OccurredAt > at || (d.OccurredAt == at && d.Id > position.Id));
        }
        var page = await facts.OrderBy(d => d.OccurredAt).ThenBy(d => d.Id).Take(pageSize + 1)
            .Include(d => d.Events.OrderBy(e => e.At).ThenBy(e => e.Id)).ToListAsync(cancellationToken);
        var more = page.Count > pageSize;
        if (more) page.RemoveAt(page.Count - 1);
        var next = more ? new DeductionPageToken(page[^1].OccurredAt.UtcTicks, page[^1].Id).ToString() : "";
        return new DeductionList(page, next);
    }
}
