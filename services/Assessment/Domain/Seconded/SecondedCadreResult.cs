namespace Ducha.Assessment.Domain.Seconded;

/// <summary>
/// 单列: one seconded cadre's line of a level's separate list for a year, as Secondment grades it. Assessment lists it
/// apart from the assessed parties' results; the grading rule (the office leads) stays in Secondment, which sends the line
/// whole after every grade. Grades once recorded stand, so a line with fewer grades than the one kept is an older one
/// arriving late and changes nothing.
/// </summary>
public sealed class SecondedCadreResult
{
    public required string SecondmentId { get; init; }
    public int Year { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string CadreId { get; init; }
    public required string CadreName { get; init; }
    public required string HomeJurisdictionCode { get; init; }
    public required string HomeUnit { get; init; }
    public required string PostName { get; init; }
    public CadreGrade? OfficeGrade { get; private set; }
    public CadreGrade? HomeUnitGrade { get; private set; }
    public CadreGrade Overall { get; private set; }
    public CadreRecommendation Recommendation { get; private set; }
    public IReadOnlyList<CadreGradeRecord> Record { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Takes the grades of <paramref name="line"/> when it holds more of them than this one; false when it is older.</summary>
    public bool Take(SecondedCadreGrades line, DateTimeOffset at)
    {
        if (line.Record.Count <= Record.Count && Record.Count > 0) return false;
        (OfficeGrade, HomeUnitGrade, Overall, Recommendation, Record) = (line.OfficeGrade, line.HomeUnitGrade, line.Overall, line.Recommendation, line.Record);
        UpdatedAt = at;
        return true;
    }
}

/// <summary>The grades of a line as Secondment sent them.</summary>
public sealed record SecondedCadreGrades(CadreGrade? OfficeGrade, CadreGrade? HomeUnitGrade, CadreGrade Overall, CadreRecommendation Recommendation,
    IReadOnlyList<CadreGradeRecord> Record);

/// <summary>A grade behind the line, with its remarks.</summary>
public sealed record CadreGradeRecord(CadreEvaluator Evaluator, CadreGrade Grade, string Remarks, DateTimeOffset RecordedAt);

/// <summary>Values match ducha.assessment.v1.CadreGrade; the best first.</summary>
public enum CadreGrade
{
    Outstanding = 1,
    Competent = 2,
    BasicallyCompetent = 3,
    Poor = 4,
}

/// <summary>Values match ducha.assessment.v1.CadreRecommendation.</summary>
public enum CadreRecommendation
{
    PraiseAndPromote = 1,
    None = 2,
    CriticizeOrReturn = 3,
}

/// <summary>Values match ducha.assessment.v1.CadreEvaluator.</summary>
public enum CadreEvaluator
{
    Office = 1,
    HomeUnit = 2,
}
