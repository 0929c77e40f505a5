namespace Ducha.Reference.Jurisdictions;

/// <summary>Levels of the tree: province, city and county each run a 263 office; town and village come with grid
/// supervision, which reaches down city → county → town → village.</summary>
public enum JurisdictionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Town = 4,
    Village = 5,
}

/// <summary>A node of the administrative tree, named by its GB/T 2260 code.</summary>
public sealed record Jurisdiction(string Code, string Name, JurisdictionLevel Level, string? ParentCode)
{
    /// <summary>
    /// How many leading characters of a code this node's descendants share with it: PP for a province, PPCC for a city,
    /// the whole code below that (town codes extend the county's 6 digits, village codes the town's 9).
    /// </summary>
    public int PrefixLength => Level switch
    {
        JurisdictionLevel.Province => 2,
        JurisdictionLevel.City => 4,
        _ => Code.Length,
    };
}
