using Ducha.Cases.Confidentiality;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>
/// What <see cref="MatchReporterValues"/> (one case) and <see cref="MatchReporterValuesForCases"/> (many) share, so
/// both answer alike: who may ask — the disclosure service acting for itself, about cases within the province its token
/// reaches — and which texts carry a value of a case's sealed reporter (<see cref="ReporterMentions"/>). The reporter is
/// opened here and never leaves Cases; the answer names fields only, not what matched.
/// </summary>
public sealed class ReporterValueMatching(ReporterProtector reporters, JurisdictionTree tree, ILogger<ReporterValueMatching> logger)
{
    public const int MaxFields = 50, MaxFieldNameLength = 100, MaxTextLength = 20000;

    public static void EnsureDisclosureActingForItself(Actor actor, string operation)
    {
        if (!actor.IsServiceActingForItself(GetPublicCaseFacts.DisclosureService))
            throw new PermissionDeniedException($"{operation}: only the {GetPublicCaseFacts.DisclosureService} service, acting for itself, checks texts against a reporter.");
    }

    /// <summary>Who may see a case follows the lowest office it reached (CaseAccess); the service's reach is a province.</summary>
    public void EnsureWithinReach(Case @case, Actor actor, string operation)
    {
        if (tree.IsWithin(@case.ReachedJurisdictionCode, actor.JurisdictionCode)) return;
        logger.LogWarning("Denied {Action} on case {CaseId} to {Caller}: outside {CallerJurisdiction}", operation, @case.Id, actor.ToString(), actor.JurisdictionCode);
        throw new PermissionDeniedException($"{operation}: case {@case.Id} is outside the caller's jurisdiction {actor.JurisdictionCode}.");
    }

    /// <returns>The names of <paramref name="texts"/> that carry a reporter value, in ordinal order; none for an anonymous complaint.</returns>
    public IReadOnlyList<string> FieldsCarryingReporter(Case @case, IReadOnlyDictionary<string, string> texts)
    {
        if (@case.ReporterSealed is not { } sealedIdentity) return [];
        var reporter = reporters.Open(@case.Id, sealedIdentity);
        var matched = texts.Where(t => reporter.IsMentionedIn(t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        if (matched.Count > 0)
            logger.LogInformation("Case {CaseId}: {Count} of {Fields} field(s) carry a reporter value: {Matched}", @case.Id, matched.Count, texts.Count, matched);
        return matched;
    }
}
