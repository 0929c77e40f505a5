using Ducha.Contracts.Cases.V1;

namespace Ducha.Drill.Scenario;

/// <summary>
/// Where a case's walk goes on after a step whose answer was lost to an outage: read from the case as Cases holds it, not
/// from what the drill believes, so a step an earlier attempt already took is not taken twice and one it did not take is.
/// </summary>
public static class CaseResume
{
    public static CaseStep NextStep(DrillCase drill, Case now, string provinceCode)
    {
        switch (now.Status)
        {
            case CaseStatus.Returned when !drill.Returned:
                (drill.Returned, drill.UnitKind) = (true, drill.UnitKind + 1);
                break;
            case CaseStatus.SentBack:
                drill.SentBack = true;
                break;
        }
        return now.Status switch
        {
            CaseStatus.Received => CaseStep.ToCity,
            CaseStatus.Assigned or CaseStatus.SentBack when now.HolderUnit.Length > 0 =>
                drill.Fate == CaseFate.LeftOverdue ? CaseStep.None : CaseStep.Report,
            CaseStatus.Assigned when now.HolderJurisdictionCode == drill.CityCode => CaseStep.ToCounty,
            CaseStatus.Assigned or CaseStatus.Returned => CaseStep.ToUnit,
            CaseStatus.Reported when now.HolderJurisdictionCode == drill.CountyCode => CaseStep.CountyVerifies,
            CaseStatus.Reported when now.HolderJurisdictionCode == drill.CityCode => CaseStep.CityVerifies,
            CaseStatus.Reported when now.HolderJurisdictionCode == provinceCode => CaseStep.ProvinceVerifies,
            CaseStatus.Verified => CaseStep.Close,
            _ => CaseStep.None,
        };
    }
}
