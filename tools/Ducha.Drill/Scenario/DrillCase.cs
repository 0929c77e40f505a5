using Ducha.Contracts.Cases.V1;

namespace Ducha.Drill.Scenario;

/// <summary>How a case's month goes, drawn when it comes in.</summary>
public enum CaseFate
{
    /// <summary>Handled, verified up the chain and closed.</summary>
    Handled,
    /// <summary>The first unit says it is not responsible (推诿): the county takes it back and gives it to another unit.</summary>
    ReturnedOnce,
    /// <summary>The county sends the first report back (退回重办) and the unit handles it again.</summary>
    SentBackOnce,
    /// <summary>The unit never reports: the deadline passes and the watch says so.</summary>
    LeftOverdue,
}

/// <summary>
/// One complaint the drill filed and was answered for: what it asked, who reported it, and where the case stands as the
/// drill walks it, step by step, one step per working day at most.
/// </summary>
public sealed class DrillCase(CreateCaseRequest request, string caseId, string cityCode, CaseFate fate, bool supervised, bool accountable, bool fromExposure = false)
{
    public CreateCaseRequest Request => request;
    public string Id => caseId;
    public string CountyCode => request.JurisdictionCode;
    public string CityCode => cityCode;
    public CaseFate Fate => fate;
    public bool Supervised => supervised;
    public bool Accountable => accountable;

    /// <summary>Opened by Cases for a problem the province's column aired (already with the city): never filed by the drill.</summary>
    public bool FromExposure => fromExposure;

    /// <summary>The next step to take, and the first day (Beijing) it may be taken.</summary>
    public CaseStep Next { get; set; } = CaseStep.ToCity;
    public DateOnly NextOn { get; set; }
    public int UnitKind { get; set; }
    public bool Returned { get; set; }
    public bool SentBack { get; set; }
    public bool Done => Next == CaseStep.None;
}

public enum CaseStep
{
    None,
    ToCity,
    ToCounty,
    ToUnit,
    Report,
    CountyVerifies,
    CityVerifies,
    ProvinceVerifies,
    Close,
}
