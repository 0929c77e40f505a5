using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// An office marks a case of its jurisdiction typical (典型案例), or takes the mark off: bulletins give the specifics of
/// accountability for typical cases only. The case must be known to the read models.
/// </summary>
public sealed class MarkTypicalCase(DisclosureDbContext db, JurisdictionTree tree, TimeProvider time, ILogger<MarkTypicalCase> logger)
{
    public const string Operation = "MarkTypicalCase";

    public async Task<TypicalCaseMark> HandleAsync(string caseId, bool typical, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var disclosed = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, cancellationToken)
            ?? throw new EntityNotFoundException("Case", caseId);
        tree.EnsureWithin(actor, disclosed.JurisdictionCode, Operation, logger);
        var mark = await db.TypicalMarks.FindAsync([caseId], cancellationToken);
        if (mark is null) db.TypicalMarks.Add(mark = new TypicalCaseMark { CaseId = caseId });
        mark.Set(typical, actor.Subject, actor.JurisdictionCode, time.GetStoredUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} marked {Typical} by {Office}", caseId, typical ? "typical" : "not typical", actor.JurisdictionCode);
        return mark;
    }
}
