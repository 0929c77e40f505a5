using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// Who a level assesses under a scheme: its subordinate jurisdictions (a province's cities and the counties it governs
/// directly, a city's counties), or its
/// own departments — every lead and partner department the scheme's programmes name, once each, in the order named.
/// </summary>
public static class AssessedParties
{
    public static IReadOnlyList<AssessedParty> Of(JurisdictionTree tree, string assessor, Audience audience, SchemeContent scheme) => audience switch
    {
        Audience.Departments => [.. scheme.Programmes.SelectMany(p => p.PartnerDepartments.Prepend(p.LeadDepartment))
            .Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.Ordinal).Select(d => new AssessedParty(assessor, d))],
        _ => [.. tree.Children(assessor).SelectMany(j => AssessedParty.IsGrouping(j) ? tree.Children(j.Code) : [j])
            .Where(j => j.Level <= JurisdictionLevel.County).Select(j => new AssessedParty(j.Code))],
    };

    /// <summary>
    /// Who files the duty reports a level's audience answers for: counties and departments file, cities do not. For
    /// subordinates that is every county below the level (a province's: its cities' counties); for departments, the parties.
    /// </summary>
    public static IReadOnlyList<AssessedParty> DutyReportFilers(JurisdictionTree tree, string assessor, Audience audience, IReadOnlyList<AssessedParty> parties) =>
        audience == Audience.Departments ? parties : [.. CountiesWithin(tree, assessor).Select(c => new AssessedParty(c.Code))];

    /// <summary>
    /// Where a party stands on duty reports, given the filers that have filed: a county or department on its own, a city
    /// through its counties (named when missing).
    /// </summary>
    public static DutyReportStanding DutyReportStanding(JurisdictionTree tree, AssessedParty party, IReadOnlySet<AssessedParty> filed)
    {
        if (party.IsDepartment || tree.Find(party.JurisdictionCode) is not { Level: < JurisdictionLevel.County })
            return new DutyReportStanding(!filed.Contains(party), []);
        return new DutyReportStanding(false, [.. CountiesWithin(tree, party.JurisdictionCode).Where(c => !filed.Contains(new AssessedParty(c.Code))).Select(c => c.Name)]);
    }

    private static IEnumerable<Jurisdiction> CountiesWithin(JurisdictionTree tree, string code) =>
        tree.Children(code).SelectMany(child => child.Level == JurisdictionLevel.County ? [child]
            : child.Level < JurisdictionLevel.County ? tree.Children(child.Code).Where(c => c.Level == JurisdictionLevel.County) : []);
}
