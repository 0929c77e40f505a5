using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.Persistence;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application;

/// <summary>
/// The read-model rows the event handlers change. Any of a case's events may come first (over a broker, topics are not
/// ordered with each other), and each carries the case's place, so whichever comes first opens the row. The handlers
/// leave their changes tracked for the inbox's dispatcher to save with the inbox row (one save per event, not two); a
/// replay saves them once per page, and its later events find a row not yet saved here, as the tracker is asked first.
/// </summary>
public sealed class DisclosedCaseRows(DisclosureDbContext db, JurisdictionTree tree, PreloadedRows preloaded)
{
    public JurisdictionTree Tree => tree;

    // Also the facts ledger's, which marks the same row.
    internal static readonly PerModel<Func<DisclosureDbContext, string, CancellationToken, Task<DisclosedCase?>>> CaseOf = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, string id, CancellationToken _) => db.Cases.FirstOrDefault(c => c.CaseId == id)));

    public async Task<DisclosedCase> CaseAsync(string caseId, string placeCode, CancellationToken cancellationToken)
    {
        if (await db.FindByKeyAsync(caseId, preloaded, CaseOf, cancellationToken) is { } known) return known;
        var opened = DisclosedCase.Open(caseId, CasePlace.Of(placeCode, tree));
        db.Cases.Add(opened);
        return opened;
    }

    public async Task<AccountabilityTally> TallyAsync(string caseId, CadreRank rank, Sanction sanction, CancellationToken cancellationToken)
    {
        if (await db.Accountability.FindAsync([caseId, rank, sanction], cancellationToken) is { } known) return known;
        var tally = new AccountabilityTally { CaseId = caseId, Rank = rank, Sanction = sanction };
        db.Accountability.Add(tally);
        return tally;
    }

    public async Task<DisclosedExposure> ExposureAsync(string exposureId, CancellationToken cancellationToken)
    {
        if (await db.Exposures.FindAsync([exposureId], cancellationToken) is { } known) return known;
        var exposure = new DisclosedExposure { ExposureId = exposureId };
        db.Exposures.Add(exposure);
        return exposure;
    }
}
