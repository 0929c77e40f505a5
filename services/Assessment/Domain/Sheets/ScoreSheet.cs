using Ducha.Assessment.Domain.Facts;
using System.Text.Json.Serialization;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>
/// A party's score sheet for a year under the scheme in force: each special assessment with its indicators, each
/// deduction rule with the deductions behind it (exempted ones too, with the reason), the vetoes in force, the total and
/// the rating, and notes in Chinese on why the rating differs from the total's, red lines and values still missing.
/// This is what a freeze stores and hashes; rank and time of computing are the ranking's, kept beside it.
/// </summary>
public sealed record ScoreSheet(
    string JurisdictionCode,
    string? Department,
    int Year,
    string AssessorJurisdictionCode,
    Audience Audience,
    string SchemeId,
    int SchemeYear,
    bool ExampleScheme,
    double SpecialPoints,
    double DeductionPoints,
    double Total,
    Rating Rating,
    Rating RatingByTotal,
    IReadOnlyList<SpecialScore> Specials,
    IReadOnlyList<DeductionTotal> Deductions,
    IReadOnlyList<SheetVeto> Vetoes,
    IReadOnlyList<string> Notes,
    bool DutyReportFiled)
{
    // Read off the sheet, not part of what is stored and hashed.
    [JsonIgnore] public AssessedParty Party => new(JurisdictionCode, Department);

    [JsonIgnore] public bool Vetoed => Vetoes.Count > 0;

    [JsonIgnore] public int RedLines => Specials.Sum(s => s.Indicators.Count(i => i.RedLine));
}

/// <summary>A special assessment (专项考核): its programme, weight, and the points its met indicators earn.</summary>
public sealed record SpecialScore(string ProgrammeCode, string Name, string LeadDepartment, double Weight, double Points, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>How one indicator stands: the value that counts (and where it came from), the target, last year's value and the red line.</summary>
public sealed record IndicatorScore(
    string Code,
    string Name,
    IndicatorKind Kind,
    string Unit,
    bool Measured,
    double? Value,
    Period? Period,
    string? Source,
    double? TargetValue,
    bool Met,
    double Points,
    double MaxPoints,
    double? LastYearValue,
    bool RedLine,
    double? BaselineValue);

/// <summary>One rule's deductions: how many count, what they cost after the rule's cap, and every one of them.</summary>
public sealed record DeductionTotal(DeductionKind Kind, string Rule, double PointsEach, int Count, double Points, bool Capped, IReadOnlyList<SheetDeduction> Deductions);

/// <summary>
/// One deduction on a sheet, with its cause and every event behind it. <see cref="Id"/> is the fact's key
/// (lateness:{case} …), which stays the same however often the facts are rebuilt.
/// </summary>
public sealed record SheetDeduction(
    string Id,
    DeductionKind Kind,
    string Rule,
    double Points,
    string? CaseId,
    string? ExposureId,
    string ChargedJurisdictionCode,
    string? ChargedDepartment,
    DateTimeOffset OccurredAt,
    IReadOnlyList<SheetDeductionEvent> Events,
    bool Exempted,
    string? ExemptionReason,
    string Cause)
{
    public static SheetDeduction Of(DeductionFact fact, DeductionRule rule)
    {
        var (code, unit) = fact.ChargedTo(rule.Charged);
        return new SheetDeduction(fact.Key, fact.Kind, rule.Name, fact.Exempted ? 0 : rule.Points, fact.CaseId, fact.ExposureId, code, unit,
            fact.OccurredAt, [.. fact.Events.OrderBy(e => e.At).ThenBy(e => e.EventId, StringComparer.Ordinal).Select(e => new SheetDeductionEvent(e.EventId, e.Type, e.At))],
            fact.Exempted, fact.ExemptionReason, fact.Cause);
    }
}

public sealed record SheetDeductionEvent(string EventId, string Type, DateTimeOffset At);

/// <summary>A veto (一票否优) in force on the party, as the sheet shows it.</summary>
public sealed record SheetVeto(string Id, string JurisdictionCode, string? Department, int Year, VetoGround Ground, string Evidence,
    string RecordedByJurisdictionCode, DateTimeOffset RecordedAt);
