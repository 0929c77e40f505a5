using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// Who a sheet is about: a jurisdiction (a city or a county), or a department of a level (<see cref="Department"/> set,
/// <see cref="JurisdictionCode"/> its level). The assessing level is the jurisdiction's parent, or the department's own level.
/// </summary>
public sealed record AssessedParty(string JurisdictionCode, string? Department = null)
{
    public bool IsDepartment => Department is not null;

    public Audience Audience => IsDepartment ? Audience.Departments : Audience.Subordinates;

    /// <summary>How logs, verification and the hash chain name the party: the code, with the department after a slash.</summary>
    public override string ToString() => Department is null ? JurisdictionCode : $"{JurisdictionCode}/{Department}";

    /// <summary>
    /// The jurisdiction whose office and assessors assess this party. A province is assessed by no level in Ducha, and
    /// towns and villages are not assessed at all: both are refused naming the code.
    /// </summary>
    public string AssessorIn(JurisdictionTree tree, string field = "jurisdiction_code")
    {
        var place = tree.Find(JurisdictionCode) ?? throw new RequestValidationException(field, $"'{JurisdictionCode}' is not a known GB/T 2260 code");
        if (IsDepartment)
            return place.Level <= JurisdictionLevel.County ? place.Code
                : throw new RequestValidationException(field, "departments are those of a province, a city or a county");
        return place switch
        {
            { Level: JurisdictionLevel.Province } => throw new RequestValidationException(field, "a province is assessed by no level above it; name a city or a county"),
            { Level: > JurisdictionLevel.County } => throw new RequestValidationException(field, "only cities, counties and departments are assessed"),
            _ => tree.Get(place.ParentCode!) is var parent && IsGrouping(parent) && parent.ParentCode is { } above ? above : parent.Code,
        };
    }

    // Nodes that only group counties under a province or a municipality (省直辖县级行政区划, 市辖区): nobody assesses or is
    // assessed as one; the counties under them are the province's (or municipality's) to assess.
    private static readonly HashSet<string> Groupings = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    public static bool IsGrouping(Jurisdiction place) => Groupings.Contains(place.Name);
}
