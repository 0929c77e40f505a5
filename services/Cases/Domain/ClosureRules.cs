namespace Ducha.Cases.Domain;

/// <summary>四个不放过 (the four not-let-go): what the closing office attests.</summary>
public sealed record Attestations(bool CauseFound, bool RectificationDone, bool ResponsibilityFixed, bool PublicSatisfied);

/// <summary>
/// 销号: only a verified case (which is with the originating office), only with the four not-let-go, never on
/// accountability alone (禁止以问责代替整改), and over a "dissatisfied" callback only with a recorded reason.
/// </summary>
public static class ClosureRules
{
    public static void Check(Case @case, Attestations attested, CallbackResult callback, string? overrideReason, bool hasAccountability)
    {
        if (@case.Status != CaseStatus.Verified)
            throw new DomainRuleException($"Only a verified case can be closed; this one is {@case.Status} with {@case.Holder}.");
        if (!attested.RectificationDone && (attested.ResponsibilityFixed || hasAccountability))
            throw new DomainRuleException(
                "Accountability never replaces rectification (禁止以问责代替整改): the case cannot close on accountability alone while rectification is not done.");
        var missing = new List<string>();
        if (!attested.CauseFound) missing.Add("cause_found (问题查清)");
        if (!attested.RectificationDone) missing.Add("rectification_done (整改到位)");
        if (!attested.ResponsibilityFixed) missing.Add("responsibility_fixed (责任落实)");
        if (!attested.PublicSatisfied) missing.Add("public_satisfied (群众满意)");
        if (missing.Count > 0)
            throw new DomainRuleException($"The four not-let-go (四个不放过) must all be attested before closing; missing: {string.Join(", ", missing)}.",
                [.. missing.Select(m => "attestations." + m[..m.IndexOf(' ')])]);
        if (callback == CallbackResult.Dissatisfied && string.IsNullOrWhiteSpace(overrideReason))
            throw new DomainRuleException(
                "The reporter is dissatisfied (不满意): the case stays open unless the office records an override reason.", "override_reason");
    }
}
