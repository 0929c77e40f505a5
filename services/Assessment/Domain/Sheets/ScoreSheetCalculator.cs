using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// Computes a party's score sheet from what happened: special points earned by the indicators, minus the deductions
/// charged to it, rated by the scheme's bands — and a party under 一票否优 is never 优秀 whatever its total. Every point
/// on the sheet carries its cause; nothing is typed.
/// </summary>
public static class ScoreSheetCalculator
{
    public static ScoreSheet Compute(SheetInputs inputs, JurisdictionTree tree)
    {
        var specials = SpecialScoring.Score(inputs);
        var (deductions, deductionPoints, uncapped) = DeductionScoring.Score(inputs, tree);
        var specialPoints = Round(specials.Sum(s => s.Points));
        var total = Round(specialPoints - deductionPoints);
        var byTotal = RatingOf(inputs.Scheme.Bands, total);
        var rating = inputs.Vetoes.Count > 0 && byTotal == Rating.Excellent ? Rating.Good : byTotal;
        var notes = SheetNotes.Of(inputs, specials, byTotal, deductionPoints, uncapped);
        return new ScoreSheet(inputs.Party.JurisdictionCode, inputs.Party.Department, inputs.Year, inputs.AssessorJurisdictionCode, inputs.Party.Audience,
            inputs.SchemeId, inputs.SchemeYear, inputs.Scheme.Example, specialPoints, deductionPoints, total, rating, byTotal, specials, deductions,
            inputs.Vetoes, notes, inputs.DutyReports.Filed);
    }

    /// <summary>The best rating whose lowest total the total reaches; below every band, 不合格.</summary>
    public static Rating RatingOf(IReadOnlyList<RatingBand> bands, double total) =>
        bands.Where(b => total >= b.MinTotal).OrderBy(b => b.Rating).Select(b => (Rating?)b.Rating).FirstOrDefault() ?? Rating.Fail;

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
