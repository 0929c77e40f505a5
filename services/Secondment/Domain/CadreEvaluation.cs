namespace Ducha.Secondment.Domain;

/// <summary>
/// 双重管理: one evaluator's grade of a seconded cadre for a year, with the remarks that are the record behind it. The
/// office the cadre serves and the home unit each record one per year; the office's leads (<see cref="AnnualAssessment"/>).
/// </summary>
public sealed class CadreEvaluation
{
    public string Id { get; init; } = Ducha.BuildingBlocks.OrderedIds.NewId();
    public required string SecondmentId { get; init; }
    public int Year { get; init; }
    public Evaluator Evaluator { get; init; }
    public Grade Grade { get; init; }
    public required string Remarks { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>Who recorded it (the token's subject), for the record.</summary>
    public required string RecordedBy { get; init; }

    public static CadreEvaluation Record(SecondmentTerm term, int year, Evaluator evaluator, Grade grade, string remarks, string recordedBy,
        DateTimeOffset now)
    {
        if (year < term.StartDate.Year || year > term.LastDay.Year || term.LastDay < term.StartDate)
            throw new RequestValidationException("year", $"secondment {term.Id} ran {term.StartDate:yyyy-MM-dd}..{term.LastDay:yyyy-MM-dd}, not in {year}");
        return new() { SecondmentId = term.Id, Year = year, Evaluator = evaluator, Grade = grade, Remarks = remarks.Trim(), RecordedBy = recordedBy, RecordedAt = now };
    }
}

/// <summary>Values match ducha.secondment.v1.Evaluator.</summary>
public enum Evaluator
{
    /// <summary>The office the cadre serves (leads).</summary>
    Office = 1,
    HomeUnit = 2,
}

/// <summary>Values match ducha.secondment.v1.Grade.</summary>
public enum Grade
{
    /// <summary>优秀.</summary>
    Outstanding = 1,
    /// <summary>称职.</summary>
    Competent = 2,
    /// <summary>基本称职.</summary>
    BasicallyCompetent = 3,
    /// <summary>不称职: passive or poor.</summary>
    Poor = 4,
}

/// <summary>Values match ducha.secondment.v1.Recommendation.</summary>
public enum Recommendation
{
    PraiseAndPromote = 1,
    None = 2,
    CriticizeOrReturn = 3,
}

/// <summary>
/// 单列: a seconded cadre's year, assessed apart from the home unit's staff. The office leads: its grade is the overall
/// one whenever it graded; the home unit's counts only when the office has not.
/// </summary>
public sealed record AnnualAssessment(SecondmentTerm Term, IReadOnlyList<CadreEvaluation> Record)
{
    public Grade? OfficeGrade => Record.FirstOrDefault(e => e.Evaluator == Evaluator.Office)?.Grade;
    public Grade? HomeUnitGrade => Record.FirstOrDefault(e => e.Evaluator == Evaluator.HomeUnit)?.Grade;
    public Grade? Overall => OfficeGrade ?? HomeUnitGrade;

    public Recommendation Recommendation => Overall switch
    {
        Grade.Outstanding => Recommendation.PraiseAndPromote,
        Grade.Poor => Recommendation.CriticizeOrReturn,
        _ => Recommendation.None,
    };
}
