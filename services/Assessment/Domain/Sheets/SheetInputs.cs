using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// Everything a party's sheet is computed from: the scheme in force, the party's case figures (summed over its
/// subtree; none for a department), its measured values of this year, last year and the baseline years, the year's
/// deduction facts of the assessor's subtree (the calculator picks those charged to the party), the vetoes in force on
/// it and its duty reports. <see cref="AsOf"/> is the Beijing day a live sheet is computed on: past 30 June, the
/// half-year check's missing values are named.
/// </summary>
public sealed record SheetInputs(
    AssessedParty Party,
    int Year,
    string AssessorJurisdictionCode,
    string SchemeId,
    int SchemeYear,
    SchemeContent Scheme,
    CaseFigures? Figures,
    IReadOnlyList<IndicatorMeasurement> Measurements,
    IReadOnlyList<DeductionFact> Facts,
    IReadOnlyList<SheetVeto> Vetoes,
    DutyReportStanding DutyReports,
    DateOnly? AsOf = null);

/// <summary>A current measured value of one of the party's indicators (for a department, its level's value).</summary>
public sealed record IndicatorMeasurement(string IndicatorCode, int Year, Period Period, double Value, string Source);

/// <summary>
/// Whose annual duty report is missing. A county or a department files its own (<see cref="OwnMissing"/>); a city
/// files none itself and stands for its counties (<see cref="MissingBelow"/>, their names).
/// </summary>
public sealed record DutyReportStanding(bool OwnMissing, IReadOnlyList<string> MissingBelow)
{
    public static readonly DutyReportStanding AllFiled = new(false, []);

    public bool Filed => !OwnMissing && MissingBelow.Count == 0;
}
