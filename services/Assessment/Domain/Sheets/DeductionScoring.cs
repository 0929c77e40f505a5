using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// The deductions a party bears: per rule, the facts of its kind charged to the party under the rule's
/// <see cref="ChargedParty"/>, exempted ones listed at 0 points, count × points up to the rule's cap; then every rule
/// together up to the scheme's cap. A jurisdiction answers for itself and everything within it (its counties' offices
/// and units too); a department for the facts charged to it. Facts of a kind the scheme has no rule for cost nothing.
/// </summary>
internal static class DeductionScoring
{
    public static (IReadOnlyList<DeductionTotal> Totals, double Points, double Uncapped) Score(SheetInputs inputs, JurisdictionTree tree)
    {
        var totals = new List<DeductionTotal>();
        // One rule per kind: were a scheme to name a kind twice, a fact would still cost once.
        foreach (var rule in inputs.Scheme.DeductionRules.DistinctBy(r => r.Kind))
        {
            var deductions = inputs.Facts.Where(f => f.Kind == rule.Kind && Bears(inputs.Party, f.ChargedTo(rule.Charged), tree))
                .OrderBy(f => f.OccurredAt).ThenBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => SheetDeduction.Of(f, rule)).ToList();
            var count = deductions.Count(d => !d.Exempted);
            var raw = Math.Round(count * rule.Points, 2, MidpointRounding.AwayFromZero);
            var capped = rule.Cap > 0 && raw > rule.Cap;
            totals.Add(new DeductionTotal(rule.Kind, rule.Name, rule.Points, count, capped ? rule.Cap : raw, capped, deductions));
        }
        var uncapped = Math.Round(totals.Sum(t => t.Points), 2, MidpointRounding.AwayFromZero);
        var cap = inputs.Scheme.DeductionCap;
        return (totals, cap > 0 && uncapped > cap ? cap : uncapped, uncapped);
    }

    private static bool Bears(AssessedParty party, (string JurisdictionCode, string? Unit) charged, JurisdictionTree tree) =>
        party.Department is { } department
            ? charged.JurisdictionCode == party.JurisdictionCode && charged.Unit == department
            : tree.IsWithin(charged.JurisdictionCode, party.JurisdictionCode);
}
