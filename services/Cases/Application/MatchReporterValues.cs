using Ducha.Cases.Confidentiality;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>
/// Before disclosure publishes text derived from a case, it asks here which of its fields carry a value of the case's
/// sealed reporter (<see cref="ReporterMentions"/>): the reporter is opened inside Cases and never leaves it, and the
/// answer names fields only, not what matched. Only the disclosure service, acting for itself, asks; the case must lie in
/// the province its token reaches.
/// </summary>
public sealed class MatchReporterValues(CasesDbContext db, ReporterProtector reporters, JurisdictionTree tree, ILogger<MatchReporterValues> logger)
{
    public const string Operation = "MatchReporterValues";
    public const int MaxFields = 50, MaxFieldNameLength = 100, MaxTextLength = 20000;

    /// <returns>The names of the fields that carry a reporter value, in ordinal order; none for an anonymous complaint.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(string caseId, IReadOnlyDictionary<string, string> texts, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsServiceActingForItself(GetPublicCaseFacts.DisclosureService))
            throw new PermissionDeniedException($"{Operation}: only the {GetPublicCaseFacts.DisclosureService} service, acting for itself, checks texts against a reporter.");
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw new EntityNotFoundException("Case", caseId);
        if (!tree.IsWithin(@case.ReachedJurisdictionCode, actor.JurisdictionCode))
        {
            logger.LogWarning("Denied {Action} on case {CaseId} to {Caller}: outside {CallerJurisdiction}", Operation, caseId, actor.ToString(), actor.JurisdictionCode);
            throw new PermissionDeniedException($"{Operation}: case {caseId} is outside the caller's jurisdiction {actor.JurisdictionCode}.");
        }
        if (@case.ReporterSealed is not { } sealedIdentity) return [];
        var reporter = reporters.Open(@case.Id, sealedIdentity);
        var matched = texts.Where(t => reporter.IsMentionedIn(t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        if (matched.Count > 0)
            logger.LogInformation("Case {CaseId}: {Count} of {Fields} field(s) carry a reporter value: {Matched}", caseId, matched.Count, texts.Count, matched);
        return matched;
    }
}
