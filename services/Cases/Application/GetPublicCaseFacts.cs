using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>The facts found, and the ids asked for that name no case.</summary>
public sealed record PublicCaseFactsAnswer(IReadOnlyList<PublicCaseFacts> Cases, IReadOnlyList<string> Unknown);

/// <summary>
/// What the disclosure service may publish about cases (<see cref="PublicCaseFacts"/>), by id and in batches, for its read
/// models: the facts its events do not carry (address, polluter, description, the accepted report's findings and result,
/// the rectification). Only the disclosure service, acting for itself, asks: its consumer runs with no person behind it,
/// so its token names no one and reaches the province of the cases it asks about; every case asked must lie there.
/// </summary>
public sealed class GetPublicCaseFacts(CasesDbContext db, JurisdictionTree tree, ILogger<GetPublicCaseFacts> logger)
{
    public const string Operation = "GetPublicCaseFacts";
    /// <summary>The only caller: the disclosure service, keeping its read models current.</summary>
    public const string DisclosureService = "disclosure";
    public const int MaxCases = 100;

    public async Task<PublicCaseFactsAnswer> HandleAsync(IReadOnlyList<string> caseIds, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsServiceActingForItself(DisclosureService))
            throw new PermissionDeniedException($"{Operation}: only the {DisclosureService} service, acting for itself, reads cases' public facts.");
        var ids = caseIds.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        // Who may see a case follows the lowest office it reached (CaseAccess); the service's reach is a province.
        if (cases.FirstOrDefault(c => !tree.IsWithin(c.ReachedJurisdictionCode, actor.JurisdictionCode)) is { } outside)
        {
            logger.LogWarning("Denied {Action} on case {CaseId} to {Caller}: outside {CallerJurisdiction}", Operation, outside.Id, actor.ToString(), actor.JurisdictionCode);
            throw new PermissionDeniedException($"{Operation}: case {outside.Id} is outside the caller's jurisdiction {actor.JurisdictionCode}.");
        }
        var found = cases.Select(c => c.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().Where(r => found.Contains(r.CaseId)).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
        var accountability = (await db.Accountability.AsNoTracking().Where(r => found.Contains(r.CaseId)).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
        var facts = cases.OrderBy(c => ids.IndexOf(c.Id))
            .Select(c => PublicCaseFacts.Of(c, reports[c.Id], accountability[c.Id], OpenExposureCase.ExposureIdOf(c)))
            .ToList();
        return new PublicCaseFactsAnswer(facts, [.. ids.Except(found)]);
    }
}
