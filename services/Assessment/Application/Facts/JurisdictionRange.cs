using Ducha.Assessment.Domain.Facts;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Facts;

/// <summary>
/// The codes within a jurisdiction as one range of text: a province's or a city's descendants share its first two or
/// four digits, a county's towns its six. So "within" is a range on an index, not a list of codes or a LIKE.
/// </summary>
public readonly record struct JurisdictionRange(string From, string Before)
{
    public static JurisdictionRange Of(JurisdictionTree tree, string code)
    {
        var prefix = tree.Find(code) is { } jurisdiction ? code[..jurisdiction.PrefixLength] : code;
        return new JurisdictionRange(prefix, prefix[..^1] + (char)(prefix[^1] + 1));
    }
}

/// <summary>The fact tables filtered to a <see cref="JurisdictionRange"/>, in SQL.</summary>
public static class FactQueries
{
    // Translated to SQL comparisons the index serves (the database orders the digits); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
    public static IQueryable<AssessedCase> PlacedWithin(this IQueryable<AssessedCase> cases, JurisdictionRange within) =>
        cases.Where(c => string.Compare(c.PlaceJurisdictionCode, within.From) >= 0 && string.Compare(c.PlaceJurisdictionCode, within.Before) < 0);

    public static IQueryable<DeductionFact> PlacedWithin(this IQueryable<DeductionFact> facts, JurisdictionRange within) =>
        facts.Where(d => string.Compare(d.PlaceJurisdictionCode, within.From) >= 0 && string.Compare(d.PlaceJurisdictionCode, within.Before) < 0);

    public static IQueryable<DeductionFact> HeldWithin(this IQueryable<DeductionFact> facts, JurisdictionRange within) =>
        facts.Where(d => string.Compare(d.HolderJurisdictionCode, within.From) >= 0 && string.Compare(d.HolderJurisdictionCode, within.Before) < 0);
#pragma warning restore CA1309
}
