using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Domain;

/// <summary>A case's place and the province, city and county it lies in: the three levels whose bulletins count it.</summary>
public sealed record CasePlace(string JurisdictionCode, string ProvinceCode, string? CityCode, string? CountyCode)
{
    public static CasePlace Of(string code, JurisdictionTree tree)
    {
        // Cases only sends known codes; should the tree lose one, the province still follows from the first two digits.
        if (tree.Find(code) is not { } place) return new CasePlace(code, code[..Math.Min(2, code.Length)] + "0000", null, null);
        var path = tree.Ancestors(code).Prepend(place).ToList();
        string? At(JurisdictionLevel level) => path.FirstOrDefault(j => j.Level == level)?.Code;
        return new CasePlace(code, At(JurisdictionLevel.Province) ?? code, At(JurisdictionLevel.City), At(JurisdictionLevel.County));
    }
}
